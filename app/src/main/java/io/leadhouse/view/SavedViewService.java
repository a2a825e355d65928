package io.leadhouse.view;

import io.leadhouse.lead.LeadFilter;
import io.leadhouse.store.Database;
import io.leadhouse.support.ConflictException;
import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.NotFoundException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Saving, listing and deleting a user's views of the leads list. Thread-safe. */
public final class SavedViewService {
    /** The longest name, in characters. */
    public static final int MAX_NAME_LENGTH = 80;
    /** The longest search text a view keeps, as the leads list's search box allows. */
    public static final int MAX_SEARCH_LENGTH = 200;
    /** How many views one user may keep. */
    public static final int MAX_VIEWS_PER_USER = 100;
    /** The query key of the search text. */
    public static final String SEARCH = "q";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;
    private final Clock clock;
    private final SavedViewRepository repository = new SavedViewRepository();

    /** Creates the service. */
    public SavedViewService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Saves a view for the user. The query holds the leads filter parameters and {@code q}, checked by the
     * same rules as the leads list; empty values are left out.
     *
     * @throws InvalidInputException for a bad name or query
     * @throws ConflictException when the user already has a view of this name, or too many views
     */
    public SavedView create(long orgId, long userId, String name, Map<String, String> query) {
        String checkedName = checkName(name);
        Map<String, String> checkedQuery = checkQuery(query);
        try {
            long id = database.inTransaction(connection -> {
                if (repository.count(connection, orgId, userId) >= MAX_VIEWS_PER_USER) {
                    throw new ConflictException("you already have " + MAX_VIEWS_PER_USER
                            + " saved views; delete one before saving another");
                }
                return repository.insert(connection, orgId, userId, checkedName, checkedQuery, clock.instant());
            });
            return list(orgId, userId).stream().filter(view -> view.id() == id).findFirst().orElseThrow();
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                throw new ConflictException("you already have a view named '" + checkedName
                        + "'; choose another name or delete that view first");
            }
            throw e;
        }
    }

    /** The user's views, by name. */
    public List<SavedView> list(long orgId, long userId) {
        return database.withConnection(connection -> repository.list(connection, orgId, userId));
    }

    /**
     * Deletes one of the user's views.
     *
     * @throws NotFoundException when the user has no view with this id
     */
    public void delete(long orgId, long userId, long id) {
        if (!database.inTransaction(connection -> repository.delete(connection, orgId, userId, id))) {
            throw new NotFoundException("you have no saved view " + id + "; reload the list of views");
        }
    }

    private static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInputException("'name' is empty; give the view a name of 1 to " + MAX_NAME_LENGTH
                    + " characters");
        }
        checkLine("name", stripped);
        int length = stripped.codePointCount(0, stripped.length());
        if (length > MAX_NAME_LENGTH) {
            throw new InvalidInputException("'name' is " + length + " characters long; use at most "
                    + MAX_NAME_LENGTH);
        }
        return stripped;
    }

    private static Map<String, String> checkQuery(Map<String, String> query) {
        for (String key : query.keySet()) {
            if (!SEARCH.equals(key) && !LeadFilter.PARAMETERS.contains(key)) {
                throw new InvalidInputException("'query' has the unknown field '" + key.replaceAll("\\p{Cntrl}", "?")
                        + "'; use " + String.join(", ", LeadFilter.PARAMETERS) + " or " + SEARCH);
            }
        }
        LeadFilter filter = LeadFilter.parse(name -> Optional.ofNullable(query.get(name)));
        Map<String, String> checked = new LinkedHashMap<>(filter.toParameters());
        String search = query.getOrDefault(SEARCH, "").strip();
        if (!search.isEmpty()) {
            checkLine(SEARCH, search);
            if (search.length() > MAX_SEARCH_LENGTH) {
                throw new InvalidInputException("'q' is longer than " + MAX_SEARCH_LENGTH + " characters");
            }
            checked.put(SEARCH, search);
        }
        return checked;
    }

    private static void checkLine(String field, String value) {
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("'" + field + "' contains a control character; send one line of text");
        }
        if (value.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            throw new InvalidInputException("'" + field + "' contains a lone UTF-16 surrogate; send valid Unicode");
        }
    }

    private static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
