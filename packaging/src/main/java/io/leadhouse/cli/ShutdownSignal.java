package io.leadhouse.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code serve} until SIGTERM or SIGINT. A JVM shutdown hook wakes the serving thread, waits
 * for it to close the admin console and the application in order, then ends the process with
 * exit code 0, or 1 when closing did not finish in time.
 */
final class ShutdownSignal implements ServeLifetime {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void awaitStopRequest() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "leadhouse-shutdown"));
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stopped() {
        closed.countDown();
    }

    private void onShutdown() {
        stopRequested.countDown();
        boolean finished;
        try {
            finished = closed.await(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            finished = false;
        }
        // After a signal the JVM would report 128+signal (143 for SIGTERM); a requested stop that closed
        // everything is a success, so end here with 0 (System.exit would block inside a shutdown hook).
        Runtime.getRuntime().halt(finished ? ExitCode.OK : ExitCode.FAILED);
    }
}
