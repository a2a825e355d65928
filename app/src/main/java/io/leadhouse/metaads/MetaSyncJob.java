package io.leadhouse.metaads;

import io.leadhouse.lead.LeadService;
import io.leadhouse.support.LeadhouseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every connected lead form for leads created since its cursor and upserts them through the
 * same idempotent path as the webhook, so leads whose webhook never arrived are still imported.
 * Scheduled by Quartz; {@link #runOnce()} runs it at once. One run at a time. Thread-safe.
 */
@DisallowConcurrentExecution
public final class MetaSyncJob implements Job {
    /** The job's name in the scheduler and in log lines. */
    public static final String NAME = "meta-sync";
    private static final Logger LOG = LoggerFactory.getLogger(MetaSyncJob.class);
    // Graph can list a lead a little after its created_time, so each poll looks back over the last
    // ten minutes before the cursor; the upsert makes the overlap harmless.
    private static final long OVERLAP_SECONDS = 600;
    private static final int MAX_PAGES = 1000;
    private static final Pattern META_ID = Pattern.compile("^[0-9]{1,40}$");

    private final MetaConnections connections;
    private final GraphClient graph;
    private final LeadService leads;
    private final ReentrantLock running = new ReentrantLock();

    /** Creates the job with its collaborators. */
    public MetaSyncJob(MetaConnections connections, GraphClient graph, LeadService leads) {
        this.connections = connections;
        this.graph = graph;
        this.leads = leads;
    }

    /**
     * What one run did.
     *
     * @param forms forms polled
     * @param leadsSeen leads Graph listed
     * @param leadsCreated leads that were new to Leadhouse
     * @param formsFailed forms whose poll failed and is tried again next run
     */
    public record Summary(int forms, int leadsSeen, int leadsCreated, int formsFailed) {}

    @Override
    public void execute(JobExecutionContext context) {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.error("job={} failed; it runs again at the next interval", NAME, e);
        }
    }

    /** Polls every form now, waiting for a run already in progress to finish first. */
    public Summary runOnce() {
        running.lock();
        try {
            Summary total = new Summary(0, 0, 0, 0);
            for (MetaForm form : connections.formsToSync()) {
                total = add(total, pollForm(form));
            }
            if (total.forms() > 0) {
                LOG.info("job={} polled {} forms: {} leads listed, {} new, {} forms failed", NAME, total.forms(),
                        total.leadsSeen(), total.leadsCreated(), total.formsFailed());
            }
            return total;
        } finally {
            running.unlock();
        }
    }

    private Summary pollForm(MetaForm form) {
        Optional<PageRoute> route = connections.routeForPage(form.pageId());
        if (route.isEmpty()) {
            return new Summary(0, 0, 0, 0);
        }
        try {
            return importSince(form, route.get());
        } catch (GraphException e) {
            if (e.tokenRejected()) {
                connections.markNeedsReconnection(route.get().sourceId(), e.getMessage());
            } else {
                LOG.warn("job={} form={} poll failed, tried again next run: {}", NAME, form.formId(), e.getMessage());
            }
        } catch (LeadhouseException e) {
            LOG.warn("job={} form={} poll failed, tried again next run: {}", NAME, form.formId(), e.getMessage());
        }
        return new Summary(1, 0, 0, 1);
    }

    private Summary importSince(MetaForm form, PageRoute route) {
        OptionalLong since = form.syncedUntil().isPresent()
                ? OptionalLong.of(Math.max(0, form.syncedUntil().getAsLong() - OVERLAP_SECONDS))
                : OptionalLong.empty();
        long newest = form.syncedUntil().orElse(0);
        int seen = 0;
        int created = 0;
        Optional<String> after = Optional.empty();
        for (int page = 0; page < MAX_PAGES; page++) {
            GraphLeadPage result = graph.formLeads(form.formId(), since, after, route.accessToken());
            for (GraphLead lead : result.leads()) {
                if (!META_ID.matcher(lead.id()).matches()) {
                    LOG.warn("job={} form={} skipped a listed lead without a Meta id", NAME, form.formId());
                    continue;
                }
                seen++;
                MetaLeadMapper.Origin origin = new MetaLeadMapper.Origin(
                        lead.id(), form.pageId(), form.formId(), route.sourceId(), Optional.empty());
                if (leads.upsert(route.orgId(), MetaLeadMapper.map(lead, origin)).created()) {
                    created++;
                }
                newest = Math.max(newest, MetaLeadMapper.createdEpochSecond(lead).orElse(0));
            }
            if (result.after().isEmpty() || result.after().equals(after)) {
                break;
            }
            after = result.after();
        }
        if (newest > 0) {
            connections.advanceCursor(form.id(), newest);
        }
        connections.markConnected(route.sourceId());
        LOG.debug("job={} form={} {} leads listed, {} new", NAME, form.formId(), seen, created);
        return new Summary(1, seen, created, 0);
    }

    private static Summary add(Summary total, Summary form) {
        return new Summary(total.forms() + form.forms(), total.leadsSeen() + form.leadsSeen(),
                total.leadsCreated() + form.leadsCreated(), total.formsFailed() + form.formsFailed());
    }
}
