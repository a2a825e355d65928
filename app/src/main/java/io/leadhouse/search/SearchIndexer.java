package io.leadhouse.search;

import io.leadhouse.lead.Lead;
import io.leadhouse.lead.LeadService;
import io.leadhouse.store.Database;
import io.leadhouse.store.SearchOutbox;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread "search-indexer": drains the search outbox into the index in batches. For each batch
 * it loads the leads, updates their documents (or deletes them when the lead is gone), commits,
 * refreshes the searchers and only then removes the outbox rows, so a crash at any point replays
 * the batch; updates are idempotent. Polls every 100 ms when idle, or sooner when nudged.
 * Thread-safe: draining and {@link #rebuild()} never overlap.
 */
final class SearchIndexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    static final int BATCH_SIZE = 200;
    private static final Duration IDLE_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Database database;
    private final SearchOutbox outbox;
    private final LeadService leads;
    private final LeadIndex index;
    private final ReentrantLock work = new ReentrantLock();
    private final Thread thread;
    private volatile boolean running;

    SearchIndexer(Database database, SearchOutbox outbox, LeadService leads, LeadIndex index) {
        this.database = database;
        this.outbox = outbox;
        this.leads = leads;
        this.index = index;
        this.thread = Thread.ofPlatform().name("search-indexer").daemon(true).unstarted(this::run);
    }

    /** Starts the thread. */
    void start() {
        running = true;
        thread.start();
    }

    /** Wakes the thread so it drains at once instead of at its next poll. */
    void nudge() {
        LockSupport.unpark(thread);
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                if (drainOnce() == 0) {
                    pause(IDLE_PAUSE);
                }
                backoff = Duration.ZERO;
            } catch (RuntimeException e) {
                backoff = backoff.isZero() ? Duration.ofSeconds(1) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                LOG.warn("job=search-indexer draining the search outbox failed: {}; retrying in {} s", e.getMessage(),
                        backoff.toSeconds());
                pause(backoff);
            }
        }
    }

    /** Indexes the oldest batch of outbox entries and removes them; the number handled, 0 when none were due. */
    int drainOnce() {
        work.lock();
        try {
            List<SearchOutbox.Entry> entries = database.withConnection(c -> outbox.oldest(c, BATCH_SIZE));
            if (entries.isEmpty()) {
                return 0;
            }

            Map<Long, Set<Long>> leadIdsByOrg = new LinkedHashMap<>();
            for (SearchOutbox.Entry entry : entries) {
                if (LeadService.ENTITY.equals(entry.entity())) {
                    leadIdsByOrg.computeIfAbsent(entry.orgId(), org -> new LinkedHashSet<>()).add(entry.entityId());
                } else {
                    LOG.warn("job=search-indexer outbox entry {} names entity '{}', which is not searchable;"
                            + " dropping it", entry.id(), entry.entity());
                }
            }
            leadIdsByOrg.forEach(this::indexLeads);
            index.commitAndRefresh();

            long lastId = entries.getLast().id();
            database.inTransaction(c -> {
                outbox.remove(c, entries);
                return null;
            });
            LOG.debug("job=search-indexer indexed {} outbox entries through {}", entries.size(), lastId);
            return entries.size();
        } finally {
            work.unlock();
        }
    }

    private void indexLeads(long orgId, Set<Long> leadIds) {
        List<Lead> found = leads.getAll(orgId, List.copyOf(leadIds));
        Set<Long> gone = new LinkedHashSet<>(leadIds);
        for (Lead lead : found) {
            index.update(lead);
            gone.remove(lead.id());
        }
        gone.forEach(index::delete);
    }

    /** Replaces the whole index with the leads in the database; the number of leads indexed. */
    int rebuild() {
        work.lock();
        try {
            long started = System.nanoTime();
            index.deleteAll();
            int count = 0;
            List<Lead> batch = leads.batchAfter(0, BATCH_SIZE);
            while (!batch.isEmpty()) {
                batch.forEach(index::update);
                count += batch.size();
                batch = leads.batchAfter(batch.getLast().id(), BATCH_SIZE);
            }
            index.commitAndRefresh();
            LOG.info("search index rebuilt from the database: {} leads in {} ms", count,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return count;
        } finally {
            work.unlock();
        }
    }

    /**
     * Stops the thread after its current batch and waits for it. It is never interrupted: an
     * interrupt inside embedded Derby closes the connection (STACK.md, trap 4).
     */
    @Override
    public void close() {
        running = false;
        if (!thread.isAlive()) {
            return;
        }
        LockSupport.unpark(thread);
        try {
            if (!thread.join(STOP_WAIT)) {
                LOG.warn("job=search-indexer still busy after {} s; closing without it, the outbox replays its batch",
                        STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pause(Duration duration) {
        if (running) {
            LockSupport.parkNanos(duration.toNanos());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
