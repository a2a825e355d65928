package io.leadhouse.lead;

import io.leadhouse.store.Database;
import io.leadhouse.store.SearchOutbox;
import io.leadhouse.support.EmailAddresses;
import io.leadhouse.support.InvalidInputException;
import io.leadhouse.support.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use cases on leads: create by hand, upsert from an integration (idempotent on the external key),
 * read and page. Each change appends to the timeline and the search outbox in the same
 * transaction. Thread-safe.
 */
public final class LeadService {
    private static final Logger LOG = LoggerFactory.getLogger(LeadService.class);
    /** The outbox entity name of leads. */
    public static final String ENTITY = "lead";
    /** The largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 200;
    /** The last page number a caller may ask for (pages count from 0); with any page size, the offset fits an int. */
    public static final int MAX_PAGE = 1_000_000;
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;
    private final SearchOutbox outbox;
    private final PhoneNumbers phones;
    private final Clock clock;
    private final LeadRepository repository = new LeadRepository();

    /** Creates the service. */
    public LeadService(Database database, SearchOutbox outbox, PhoneNumbers phones, Clock clock) {
        this.database = database;
        this.outbox = outbox;
        this.phones = phones;
        this.clock = clock;
    }

    /**
     * The result of an upsert.
     *
     * @param leadId the lead, new or existing
     * @param created whether this call created it
     */
    public record Upsert(long leadId, boolean created) {}

    /**
     * Creates a lead entered by a user. At least a name, an email or a phone is needed; each text is
     * one line of valid Unicode, and an email must look like an address.
     */
    public Lead create(long orgId, long actorUserId, IncomingLead lead) {
        requirePlainText("name", lead.name());
        requirePlainText("email", lead.email());
        requirePlainText("phone", lead.phoneRaw());
        requirePlainText("city", lead.city());
        requirePlainText("company", lead.company());
        if (!blank(lead.email()) && !EmailAddresses.isPlausible(lead.email())) {
            throw new InvalidInputException("'email' is '" + lead.email() + "', which is not an email address;"
                    + " use name@example.com or leave it out");
        }
        if (blank(lead.name()) && blank(lead.email()) && blank(lead.phoneRaw())) {
            throw new InvalidInputException("a lead needs at least a name, an email or a phone number");
        }
        long id = database.inTransaction(connection -> insert(connection, orgId, lead, Optional.of(actorUserId)));
        return get(orgId, id);
    }

    /**
     * Stores a lead from an integration unless one with the same external key exists; redelivery
     * of the same lead never makes a second one.
     */
    public Upsert upsert(long orgId, IncomingLead lead) {
        String key = lead.externalKey().orElseThrow(() -> new IllegalArgumentException("upsert needs an external key"));
        try {
            return database.inTransaction(connection -> {
                Optional<Long> existing = repository.findIdByExternalKey(connection, orgId, key);
                if (existing.isPresent()) {
                    return new Upsert(existing.get(), false);
                }
                return new Upsert(insert(connection, orgId, lead, Optional.empty()), true);
            });
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                // Another worker stored the same lead between our check and insert.
                long id = database.withConnection(c -> repository.findIdByExternalKey(c, orgId, key)).orElseThrow();
                return new Upsert(id, false);
            }
            throw e;
        }
    }

    /** The id of the organization's lead with this external key, such as {@code meta:1234}, if stored. */
    public Optional<Long> findByExternalKey(long orgId, String externalKey) {
        return database.withConnection(connection -> repository.findIdByExternalKey(connection, orgId, externalKey));
    }

    /** The lead, if it exists in this organization. */
    public Lead get(long orgId, long id) {
        return database.withConnection(connection -> repository.find(connection, orgId, id))
                .orElseThrow(() -> new NotFoundException("lead " + id + " does not exist in this organization"));
    }

    /** Several leads by id, in the order asked, skipping ids that do not exist in this organization. */
    public List<Lead> getAll(long orgId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return database.withConnection(connection -> repository.findAll(connection, orgId, ids));
    }

    /**
     * A page of the organization's leads, newest first.
     *
     * @param page from 0 to {@link #MAX_PAGE}
     * @param size from 1 to {@link #MAX_PAGE_SIZE}
     */
    public LeadPage list(long orgId, int page, int size) {
        return list(orgId, LeadFilter.NONE, page, size);
    }

    /**
     * A page of the organization's leads that pass the filter, newest first; the total counts them all.
     *
     * @param page from 0 to {@link #MAX_PAGE}
     * @param size from 1 to {@link #MAX_PAGE_SIZE}
     */
    public LeadPage list(long orgId, LeadFilter filter, int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidInputException("page is " + page + "; use a page from 0 to " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size is " + size + "; use a size from 1 to " + MAX_PAGE_SIZE);
        }
        return database.withConnection(connection -> new LeadPage(
                repository.page(connection, orgId, filter, page * size, size), page, size,
                repository.count(connection, orgId, filter)));
    }

    /** The lead's timeline, newest first. */
    public List<TimelineEvent> timeline(long orgId, long leadId) {
        get(orgId, leadId);
        return database.withConnection(connection -> repository.timeline(connection, orgId, leadId));
    }

    /** Leads of every organization with id above {@code afterId}, in id order; for the index rebuild. */
    public List<Lead> batchAfter(long afterId, int size) {
        return database.withConnection(connection -> repository.batchAfter(connection, afterId, size));
    }

    private long insert(Connection connection, long orgId, IncomingLead lead, Optional<Long> actor)
            throws SQLException {
        Instant now = clock.instant();
        long id = repository.insert(connection, orgId, lead, phones.toE164(lead.phoneRaw()), now);
        repository.insertEvent(connection, orgId, id, "created", actor, createdSummary(lead), now);
        outbox.enqueue(connection, orgId, ENTITY, id, now);
        LOG.debug("org={} lead={} created from {}", orgId, id, lead.sourceKind());
        return id;
    }

    private static String createdSummary(IncomingLead lead) {
        return switch (lead.sourceKind()) {
            case "manual" -> "Lead added by hand";
            case "meta" -> "Lead received from Meta lead form " + lead.sourceDetail().getOrDefault("formId", "");
            default -> "Lead received from " + lead.sourceKind();
        };
    }

    private static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    // These fields are single lines shown in lists and exports: a control character or half of a
    // surrogate pair would corrupt what the web UI, search and CSV show.
    private static void requirePlainText(String field, String value) {
        int[] codePoints = value == null ? new int[0] : value.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int codePoint = codePoints[i];
            if (Character.isISOControl(codePoint)) {
                throw new InvalidInputException("'" + field + "' contains the control character "
                        + codePointName(codePoint) + " at position " + (i + 1) + "; send one line of plain text");
            }
            // codePoints() yields a surrogate on its own only when it is not half of a pair.
            if (Character.getType(codePoint) == Character.SURROGATE) {
                throw new InvalidInputException("'" + field + "' contains a lone UTF-16 surrogate "
                        + codePointName(codePoint) + " at position " + (i + 1) + "; send valid Unicode text");
            }
        }
    }

    private static String codePointName(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
