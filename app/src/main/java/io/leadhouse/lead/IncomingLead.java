package io.leadhouse.lead;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead as an integration or a user hands it over, before it is stored.
 *
 * @param externalKey source-qualified id (for example {@code meta:1234}) that makes redelivery
 *     idempotent; empty for manual leads
 * @param name full name, may be empty
 * @param email email, may be empty
 * @param phoneRaw phone as given, may be empty
 * @param city city, may be empty
 * @param company company, may be empty
 * @param sourceKind {@code manual}, {@code meta}, ...
 * @param sourceId the connected source row, if any
 * @param sourceDetail source ids and times
 * @param answers every answer the person gave
 */
public record IncomingLead(
        Optional<String> externalKey,
        String name,
        String email,
        String phoneRaw,
        String city,
        String company,
        String sourceKind,
        Optional<Long> sourceId,
        Map<String, String> sourceDetail,
        List<Lead.Answer> answers) {}
