package io.leadhouse.jobs;

import io.leadhouse.config.Setting;
import io.leadhouse.config.Settings;
import java.util.List;

/**
 * Settings of the job scheduler.
 *
 * @param workerThreads threads that run jobs; jobs of one kind never overlap
 */
public record JobSettings(int workerThreads) {
    /** {@code jobs.worker-threads}. */
    public static final Setting WORKER_THREADS = Setting.integer(
            "jobs.worker-threads", 2, 1, 16, "Threads that run scheduled jobs such as the Meta form poll.");

    /** Every setting this feature declares. */
    public static final List<Setting> DECLARED = List.of(WORKER_THREADS);

    /** Reads the typed values. */
    public static JobSettings from(Settings settings) {
        return new JobSettings(settings.integer(WORKER_THREADS));
    }
}
