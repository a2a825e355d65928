package io.leadhouse.support;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Routes java.util.logging (Liquibase, Lucene, Helidon) into SLF4J so one backend formats every line. */
public final class Logging {
    private Logging() {}

    /** Installs the bridge once; later calls do nothing. */
    public static synchronized void bridgeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
