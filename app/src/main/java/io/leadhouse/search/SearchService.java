package io.leadhouse.search;

import io.leadhouse.lead.LeadService;
import io.leadhouse.lead.PhoneNumbers;
import io.leadhouse.store.Database;
import io.leadhouse.store.SearchOutbox;
import io.leadhouse.support.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Search over an organization's leads: owns the Lucene index at {@code data/index} and the indexer
 * that feeds it from the search outbox. A stored lead is findable within a second; an index that is
 * missing or unreadable on start is rebuilt from the database. Thread-safe.
 */
public final class SearchService implements AutoCloseable {
    /** The most hits one search returns. */
    public static final int MAX_LIMIT = 100;
    /** The longest search text accepted, in characters. */
    public static final int MAX_QUERY_LENGTH = 200;

    private final Analyzer analyzer;
    private final LeadIndex index;
    private final SearchIndexer indexer;
    private final LeadQueries queries;
    private final LeadService leads;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SearchService(Analyzer analyzer, LeadIndex index, SearchIndexer indexer, LeadQueries queries,
            LeadService leads) {
        this.analyzer = analyzer;
        this.index = index;
        this.indexer = indexer;
        this.queries = queries;
        this.leads = leads;
    }

    /**
     * Opens the index in {@code indexDirectory}, rebuilds it from the database when it was missing,
     * empty or unreadable, and starts the indexer thread. Close it before the database.
     */
    public static SearchService start(Path indexDirectory, Database database, SearchOutbox outbox, LeadService leads,
            PhoneNumbers phones) {
        Analyzer analyzer = new LeadAnalyzer();
        LeadIndex index = LeadIndex.open(indexDirectory, analyzer);
        try {
            SearchIndexer indexer = new SearchIndexer(database, outbox, leads, index);
            if (index.created()) {
                indexer.rebuild();
            }
            indexer.start();
            return new SearchService(analyzer, index, indexer, new LeadQueries(analyzer, phones), leads);
        } catch (RuntimeException e) {
            index.close();
            analyzer.close();
            throw e;
        }
    }

    /**
     * The organization's leads that match {@code text} (words of a name, company, city or answer;
     * an email or its domain; a phone number however typed), most relevant first.
     *
     * @param limit the most hits to return, 1 to {@link #MAX_LIMIT}
     * @throws InvalidInputException when the text is blank or too long, or the limit out of range
     */
    public SearchResult search(long orgId, String text, int limit) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("the search text is empty; send the words, email or phone number to"
                    + " look for, e.g. ?q=asha");
        }
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new InvalidInputException("the search text has " + text.length() + " characters; use at most "
                    + MAX_QUERY_LENGTH);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit is " + limit + "; use 1-" + MAX_LIMIT);
        }

        Optional<Query> query = queries.build(text.strip());
        if (query.isEmpty()) {
            return new SearchResult(text, List.of());
        }
        List<Long> ids;
        try {
            ids = index.search(orgId, query.get(), limit);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidInputException("the search text matches too many words to search at once; use fewer or"
                    + " longer words", e);
        }
        List<SearchResult.Hit> hits = leads.getAll(orgId, ids).stream().map(SearchResult.Hit::of).toList();
        return new SearchResult(text, hits);
    }

    /**
     * Replaces the whole index with the leads in the database, waiting for a batch the indexer is
     * working on; searches see the old index until the rebuild is done.
     *
     * @return the number of leads indexed
     */
    public int rebuild() {
        return indexer.rebuild();
    }

    /** Asks the indexer to drain the outbox now rather than at its next poll; returns at once. */
    public void nudge() {
        indexer.nudge();
    }

    /** Stops the indexer after its current batch, then closes the index. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            indexer.close();
            index.close();
            analyzer.close();
        }
    }
}
