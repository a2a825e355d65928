package io.leadhouse.lead;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead or customer as stored.
 *
 * @param id lead id
 * @param orgId owning organization
 * @param name full name, empty when unknown
 * @param email email, empty when unknown
 * @param phone E.164 number, empty when unknown or unparseable
 * @param phoneRaw the number exactly as given
 * @param city city, empty when unknown
 * @param company company, empty when unknown
 * @param stage pipeline stage
 * @param status open, won or lost
 * @param source where the lead came from
 * @param answers every answer the person gave on a form, in form order
 * @param createdAt when Leadhouse stored it
 * @param updatedAt last change
 * @param version optimistic concurrency version
 */
public record Lead(
        long id,
        long orgId,
        String name,
        String email,
        String phone,
        String phoneRaw,
        String city,
        String company,
        String stage,
        String status,
        Source source,
        List<Answer> answers,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /**
     * Where a lead came from.
     *
     * @param kind {@code manual}, {@code meta}, ...
     * @param sourceId the connected source row, if any
     * @param detail source ids such as page, form, ad and campaign, and the submission time
     */
    public record Source(String kind, Optional<Long> sourceId, Map<String, String> detail) {}

    /**
     * One question on a form and the person's answer.
     *
     * @param question the form field's name, exactly as the form sent it
     * @param answer the answer; several values are joined with ", "
     */
    public record Answer(String question, String answer) {}
}
