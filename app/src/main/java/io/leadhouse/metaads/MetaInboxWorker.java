package io.leadhouse.metaads;

import io.leadhouse.metaads.DeliveryProcessor.Outcome;
import io.leadhouse.metaads.DeliveryRepository.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads ({@code meta-inbox-1}, ...) that take due deliveries from the inbox and process them
 * off the request thread. A worker sleeps until nudged by a new delivery or until the next retry
 * falls due. Failed attempts retry with exponential backoff up to an hour; deliveries for pages
 * that are not connected (or whose token Meta refused) wait until a page is connected.
 * Thread-safe.
 */
final class MetaInboxWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetaInboxWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(30);
    private static final Duration ERROR_WAIT = Duration.ofSeconds(1);
    private static final int ALARM_ATTEMPTS = 10;

    private final DeliveryRepository deliveries;
    private final DeliveryProcessor processor;
    private final Duration firstRetryDelay;
    private final Duration stopWait;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicLong connectionChanges = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private long nudges;
    private volatile boolean running = true;

    MetaInboxWorker(DeliveryRepository deliveries, DeliveryProcessor processor, MetaSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.processor = processor;
        this.firstRetryDelay = settings.firstRetryDelay();
        this.stopWait = settings.requestTimeout().plusSeconds(5);
        this.clock = clock;
        for (int i = 1; i <= settings.workerThreads(); i++) {
            threads.add(Thread.ofPlatform().name("meta-inbox-" + i).daemon(true).unstarted(this::run));
        }
    }

    /** Recovers rows a crash left behind, retries parked rows once, and starts the threads. */
    void start() {
        int abandoned = deliveries.recoverAbandoned();
        int parked = deliveries.requeueParked(clock.instant());
        if (abandoned + parked > 0) {
            LOG.info("Meta inbox: {} deliveries interrupted by a stop and {} waiting for a page are due again",
                    abandoned, parked);
        }
        threads.forEach(Thread::start);
    }

    /** Wakes the workers: a delivery was stored. */
    void nudge() {
        lock.lock();
        try {
            nudges++;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A page was connected or works again: deliveries waiting for a page are routed again. */
    void pageConnected() {
        connectionChanges.incrementAndGet();
        int requeued = deliveries.requeueParked(clock.instant());
        if (requeued > 0) {
            LOG.info("Meta inbox: a page was connected; {} waiting deliveries are due again", requeued);
        }
        nudge();
    }

    private void run() {
        while (running) {
            long seen = nudgesSoFar();
            try {
                Optional<Delivery> claimed = deliveries.claimDue(clock.instant());
                if (claimed.isPresent()) {
                    handle(claimed.get());
                } else {
                    awaitNudge(seen, untilNextDue());
                }
            } catch (RuntimeException e) {
                // The database refused (for example while it is being closed); try again shortly.
                LOG.warn("Meta inbox worker: {}; trying again in {} s", e.getMessage(), ERROR_WAIT.toSeconds());
                awaitNudge(seen, ERROR_WAIT);
            }
        }
    }

    private void handle(Delivery delivery) {
        long changesBefore = connectionChanges.get();
        Outcome outcome;
        try {
            outcome = processor.process(delivery.id(), delivery.body());
        } catch (RuntimeException e) {
            LOG.warn("delivery={} failed unexpectedly", delivery.id(), e);
            outcome = new Outcome(DeliveryProcessor.Next.RETRY, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Instant now = clock.instant();
        switch (outcome.next()) {
            case DONE -> deliveries.markDone(delivery.id(), now);
            case RETRY -> retryLater(delivery, outcome.detail(), now);
            case UNROUTED, NEEDS_RECONNECTION -> park(delivery, outcome, changesBefore, now);
        }
    }

    private void retryLater(Delivery delivery, String error, Instant now) {
        int attempt = delivery.attempts() + 1;
        Instant next = now.plus(backoff(attempt));
        deliveries.retryLater(delivery.id(), next, error);
        if (attempt == ALARM_ATTEMPTS) {
            LOG.error("delivery={} still fails after {} attempts; it keeps retrying hourly. Last error: {}",
                    delivery.id(), attempt, error);
        } else {
            LOG.warn("delivery={} attempt {} failed, next try at {}: {}", delivery.id(), attempt, next, error);
        }
    }

    private void park(Delivery delivery, Outcome outcome, long changesBefore, Instant now) {
        if (connectionChanges.get() != changesBefore) {
            // A page was connected while we worked: route this delivery again instead of parking it.
            deliveries.retryLater(delivery.id(), now, outcome.detail());
            return;
        }
        String state = outcome.next() == DeliveryProcessor.Next.UNROUTED
                ? DeliveryRepository.UNROUTED
                : DeliveryRepository.NEEDS_RECONNECTION;
        deliveries.park(delivery.id(), state, now, outcome.detail());
    }

    /** The wait before attempt {@code attempt + 1}: the first delay, doubled per attempt, at most an hour. */
    Duration backoff(int attempt) {
        Duration delay = firstRetryDelay;
        for (int i = 1; i < attempt && delay.compareTo(MAX_BACKOFF) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private Duration untilNextDue() {
        return deliveries.nextDue()
                .map(due -> Duration.between(clock.instant(), due))
                .map(wait -> wait.compareTo(IDLE_WAIT) > 0 ? IDLE_WAIT : wait)
                .orElse(IDLE_WAIT);
    }

    private long nudgesSoFar() {
        lock.lock();
        try {
            return nudges;
        } finally {
            lock.unlock();
        }
    }

    private void awaitNudge(long seen, Duration timeout) {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (running && nudges == seen && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the threads, letting each finish the delivery in hand (never interrupting it inside Derby). */
    @Override
    public void close() {
        running = false;
        nudge();
        for (Thread thread : threads) {
            try {
                thread.join(stopWait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (thread.isAlive()) {
                LOG.warn("{} did not stop within {} s; its delivery is retried at the next start", thread.getName(),
                        stopWait.toSeconds());
            }
        }
    }
}
