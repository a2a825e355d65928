package io.leadhouse.cli;

/**
 * Decides how long {@code serve} keeps running once both servers are up. In production that is
 * until the JVM is asked to stop ({@link ShutdownSignal}); a test returns when it has checked what it
 * needs.
 */
@FunctionalInterface
interface ServeLifetime {
    /** Blocks while the servers should run; returning starts the orderly stop. */
    void awaitStopRequest();

    /** Called once the console and the application are closed. */
    default void stopped() {}
}
