package io.leadhouse.lead;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry on a lead's timeline.
 *
 * @param id event id
 * @param leadId the lead
 * @param kind what happened: {@code created}, {@code status}, {@code stage}, ...
 * @param actorUserId who did it, empty for integrations
 * @param summary one line for people
 * @param occurredAt when
 */
public record TimelineEvent(long id, long leadId, String kind, Optional<Long> actorUserId, String summary,
        Instant occurredAt) {}
