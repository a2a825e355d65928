package io.leadhouse.search;

import io.leadhouse.lead.Lead;
import io.leadhouse.support.StorageFailureException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of leads: one document per lead, written by one {@link IndexWriter} and read
 * near-real-time through a {@link SearcherManager}. Changes become visible to searches on
 * {@link #commitAndRefresh()}. Thread-safe.
 */
final class LeadIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeadIndex.class);
    private static final Sort BY_RELEVANCE_THEN_NEWEST =
            new Sort(SortField.FIELD_SCORE, new SortField(LeadDocuments.ORDER, SortField.Type.LONG, true));

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean created;

    private LeadIndex(Path path, Directory directory, IndexWriter writer, boolean created) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.created = created;
    }

    /**
     * Opens the index in {@code path}, creating an empty one when there is none or when the one
     * there cannot be read (it is rebuilt from the database, see {@link #created()}).
     *
     * @throws StorageFailureException when the directory cannot be used or another process holds its lock
     */
    static LeadIndex open(Path path, Analyzer analyzer) {
        Directory directory = null;
        try {
            directory = new MMapDirectory(path);
            boolean exists = DirectoryReader.indexExists(directory);
            try {
                return new LeadIndex(path, directory, writer(directory, analyzer, exists), !exists);
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
                LOG.warn("search index at {} is unreadable ({}); creating it anew from the database", path,
                        e.getClass().getSimpleName());
                // CREATE still reads the old commit point, so a corrupt segments file must go first.
                for (String file : directory.listAll()) {
                    directory.deleteFile(file);
                }
                return new LeadIndex(path, directory, writer(directory, analyzer, false), true);
            }
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new StorageFailureException("the search index at " + path + " is locked by another process;"
                    + " check that no other Leadhouse uses this data directory", e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new StorageFailureException("cannot open the search index at " + path + ": " + e.getMessage()
                    + "; check the directory's permissions and free space", e);
        }
    }

    private static IndexWriter writer(Directory directory, Analyzer analyzer, boolean append) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(append ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setCommitOnClose(false);
        return new IndexWriter(directory, config);
    }

    /** Whether this index was created empty on open, so it must be rebuilt from the database. */
    boolean created() {
        return created;
    }

    /** Adds the lead's document or replaces the one it had; visible after {@link #commitAndRefresh()}. */
    void update(Lead lead) {
        try {
            writer.updateDocument(LeadDocuments.idTerm(lead.id()), LeadDocuments.of(lead));
        } catch (IOException e) {
            throw failure("update lead " + lead.id() + " in", e);
        }
    }

    /** Removes the lead's document, if any. */
    void delete(long leadId) {
        try {
            writer.deleteDocuments(LeadDocuments.idTerm(leadId));
        } catch (IOException e) {
            throw failure("delete lead " + leadId + " from", e);
        }
    }

    /** Removes every document, before a rebuild. */
    void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw failure("clear", e);
        }
    }

    /** Makes the changes durable and visible to searches. */
    void commitAndRefresh() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw failure("commit", e);
        }
    }

    /**
     * The ids of the organization's leads that match {@code query}, best first, at most {@code limit}.
     * The organization filter is added here, so no caller can forget it.
     */
    List<Long> search(long orgId, Query query, int limit) {
        Query scoped = new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(new TermQuery(LeadDocuments.orgTerm(orgId)), Occur.FILTER)
                .build();
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw failure("open a searcher on", e);
        }
        try {
            ScoreDoc[] hits = searcher.search(scoped, limit, BY_RELEVANCE_THEN_NEWEST, true).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<Long> ids = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                ids.add(Long.parseLong(stored.document(hit.doc).get(LeadDocuments.ID)));
            }
            return ids;
        } catch (IOException e) {
            throw failure("search", e);
        } finally {
            releaseQuietly(searcher);
        }
    }

    /** Closes the searchers and the writer without committing; the outbox replays anything uncommitted. */
    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            LOG.warn("closing the search index at {} failed: {}", path, e.getMessage());
        } finally {
            closeQuietly(directory);
        }
    }

    private StorageFailureException failure(String action, IOException e) {
        return new StorageFailureException("cannot " + action + " the search index at " + path + ": " + e.getMessage()
                + "; check free space, or delete the directory to have it rebuilt on the next start", e);
    }

    private void releaseQuietly(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            LOG.warn("releasing a searcher of {} failed: {}", path, e.getMessage());
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory == null) {
            return;
        }
        try {
            directory.close();
        } catch (IOException e) {
            LOG.warn("closing the index directory failed: {}", e.getMessage());
        }
    }
}
