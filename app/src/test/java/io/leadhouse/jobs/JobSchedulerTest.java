package io.leadhouse.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.leadhouse.store.Database;
import io.leadhouse.store.DatabaseSettings;
import io.leadhouse.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

class JobSchedulerTest {
    @TempDir
    Path dataDir;
    Database database;

    /** A job whose collaborator (the list) comes from its factory, not from Quartz. */
    public static final class RecordingJob implements Job {
        private final List<String> threads;

        RecordingJob(List<String> threads) {
            this.threads = threads;
        }

        @Override
        public void execute(JobExecutionContext context) {
            threads.add(Thread.currentThread().getName());
        }
    }

    @BeforeEach
    void open() {
        database = Database.open(dataDir.resolve("db"), dataDir.resolve("derby.log"), new DatabaseSettings(4, 1000));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void runsAJobWithItsCollaboratorsOnANamedWorkerThread() {
        List<String> threads = new CopyOnWriteArrayList<>();
        try (JobScheduler jobs = JobScheduler.open(new JobSettings(1), database)) {
            jobs.scheduleEvery("recording", Duration.ofHours(1), RecordingJob.class, () -> new RecordingJob(threads));
            jobs.start();
            jobs.runNow("recording");

            Eventually.await(Duration.ofSeconds(10), "the job to run", () -> !threads.isEmpty());
        }
        assertEquals("quartz-worker-1", threads.get(0));
    }

    @Test
    void keepsTheStoredScheduleAcrossRestarts() {
        Instant first;
        try (JobScheduler jobs = JobScheduler.open(new JobSettings(1), database)) {
            jobs.scheduleEvery("recording", Duration.ofMinutes(30), RecordingJob.class,
                    () -> new RecordingJob(new CopyOnWriteArrayList<>()));
            first = jobs.nextRun("recording").orElseThrow();
        }
        try (JobScheduler jobs = JobScheduler.open(new JobSettings(1), database)) {
            jobs.scheduleEvery("recording", Duration.ofMinutes(30), RecordingJob.class,
                    () -> new RecordingJob(new CopyOnWriteArrayList<>()));
            assertEquals(first, jobs.nextRun("recording").orElseThrow());
        }
    }

    @Test
    void replacesTheStoredScheduleWhenTheIntervalChanges() {
        Instant first;
        try (JobScheduler jobs = JobScheduler.open(new JobSettings(1), database)) {
            jobs.scheduleEvery("recording", Duration.ofMinutes(30), RecordingJob.class,
                    () -> new RecordingJob(new CopyOnWriteArrayList<>()));
            first = jobs.nextRun("recording").orElseThrow();
        }
        try (JobScheduler jobs = JobScheduler.open(new JobSettings(1), database)) {
            jobs.scheduleEvery("recording", Duration.ofMinutes(90), RecordingJob.class,
                    () -> new RecordingJob(new CopyOnWriteArrayList<>()));
            assertNotEquals(first, jobs.nextRun("recording").orElseThrow());
        }
    }
}
