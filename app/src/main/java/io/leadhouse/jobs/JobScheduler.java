package io.leadhouse.jobs;

import io.leadhouse.store.Database;
import io.leadhouse.support.LeadhouseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz over the Leadhouse database: schedules survive restarts in the {@code QRTZ_*} tables,
 * jobs run on named threads ({@code quartz-worker-N}) and get their collaborators from factories
 * registered here. Close it before the database: Quartz must not be inside Derby when the
 * database shuts down. Thread-safe.
 */
public final class JobScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
    private static final String NAME = "leadhouse";
    private static final String GROUP = "leadhouse";
    private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

    private final Scheduler scheduler;
    private final Map<Class<? extends Job>, Supplier<? extends Job>> factories;

    private JobScheduler(Scheduler scheduler, Map<Class<? extends Job>, Supplier<? extends Job>> factories) {
        this.scheduler = scheduler;
        this.factories = factories;
    }

    /** Creates the scheduler over the database; it runs nothing until {@link #start()}. */
    public static JobScheduler open(JobSettings settings, Database database) {
        // Quartz looks data sources up by name in a JVM-wide registry; tests run several apps per JVM.
        String dataSource = "leadhouse-db-" + DATA_SOURCES.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource,
                new DataSourceConnections(database.dataSource()));
        Map<Class<? extends Job>, Supplier<? extends Job>> factories = new ConcurrentHashMap<>();
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(properties(settings, dataSource));
            Scheduler scheduler = factory.getScheduler();
            scheduler.setJobFactory(new RegisteredJobs(factories));
            return new JobScheduler(scheduler, factories);
        } catch (SchedulerException e) {
            throw new LeadhouseException("cannot create the job scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a job every {@code interval}, first one interval from now. A schedule already stored with
     * the same interval is kept, so restarts do not push the next run back.
     *
     * @param factory makes the job instance for each run
     */
    public <T extends Job> void scheduleEvery(String name, Duration interval, Class<T> type, Supplier<T> factory) {
        factories.put(type, factory);
        JobKey jobKey = JobKey.jobKey(name, GROUP);
        TriggerKey triggerKey = TriggerKey.triggerKey(name, GROUP);
        try {
            Trigger existing = scheduler.getTrigger(triggerKey);
            if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == interval.toMillis()
                    && type.equals(scheduler.getJobDetail(jobKey).getJobClass())) {
                LOG.debug("job={} keeps its stored schedule, next run {}", name, existing.getNextFireTime());
                return;
            }
            JobDetail job = JobBuilder.newJob(type).withIdentity(jobKey).storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(triggerKey)
                    .forJob(jobKey)
                    .startAt(new Date(System.currentTimeMillis() + interval.toMillis()))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(interval.toMillis())
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.scheduleJob(job, Set.of(trigger), true);
            LOG.info("job={} scheduled every {} minutes", name, interval.toMinutes());
        } catch (SchedulerException e) {
            throw new LeadhouseException("cannot schedule job " + name + ": " + e.getMessage(), e);
        }
    }

    /** Starts running jobs as their triggers fire. */
    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new LeadhouseException("cannot start the job scheduler: " + e.getMessage(), e);
        }
    }

    /** When the job runs next, if it is scheduled. */
    public Optional<Instant> nextRun(String name) {
        try {
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(name, GROUP));
            return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            throw new LeadhouseException("cannot read the schedule of job " + name + ": " + e.getMessage(), e);
        }
    }

    /** Asks the scheduler to run the job now, on a worker thread, without waiting for it. */
    public void runNow(String name) {
        try {
            scheduler.triggerJob(JobKey.jobKey(name, GROUP));
        } catch (SchedulerException e) {
            throw new LeadhouseException("cannot run job " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops firing triggers and waits for running jobs to finish. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("the job scheduler did not stop cleanly: {}", e.getMessage());
        }
    }

    private static Properties properties(JobSettings settings, String dataSource) {
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, schedulerName());
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, "NON_CLUSTERED");
        properties.setProperty("org.quartz.scheduler.threadName", "quartz-scheduler");
        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.workerThreads()));
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "quartz-worker");
        properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSource);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "false");
        // Helidon's JVM-wide filter rejects Java deserialization, so job data must be stored as text.
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        return properties;
    }

    // The schedule is stored under the scheduler's name, so it stays "leadhouse"; only a second app
    // in the same JVM (tests) gets another name, because Quartz keeps a JVM-wide registry by name.
    private static String schedulerName() {
        try {
            if (SchedulerRepository.getInstance().lookup(NAME) == null) {
                return NAME;
            }
        } catch (RuntimeException e) {
            LOG.debug("scheduler registry lookup failed: {}", e.getMessage());
        }
        return NAME + "-" + DATA_SOURCES.get();
    }

    /** Makes job instances from the registered factories. */
    private record RegisteredJobs(Map<Class<? extends Job>, Supplier<? extends Job>> factories) implements JobFactory {
        @Override
        public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
            Class<? extends Job> type = bundle.getJobDetail().getJobClass();
            Supplier<? extends Job> factory = factories.get(type);
            if (factory == null) {
                throw new SchedulerException("no factory is registered for job class " + type.getName());
            }
            return factory.get();
        }
    }
}
