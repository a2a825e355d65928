package io.leadhouse.metaads;

import io.leadhouse.lead.IncomingLead;
import io.leadhouse.lead.Lead;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns a Graph lead into an {@link IncomingLead}: the standard questions fill the lead's fields,
 * every question (standard or custom) is kept as a named answer in form order, and the ids of page,
 * form, ad and campaign go into the source detail. Odd input (missing fields, testing-tool dummy
 * values, non-ASCII keys) never fails. Stateless.
 */
final class MetaLeadMapper {
    /** The source kind of leads from Meta. */
    static final String KIND = "meta";
    private static final DateTimeFormatter GRAPH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXX", Locale.ROOT);
    private static final Set<String> EMAIL_KEYS = Set.of("email", "work_email");
    private static final Set<String> PHONE_KEYS = Set.of("phone_number", "phone", "work_phone_number");
    private static final Set<String> COMPANY_KEYS = Set.of("company_name", "company");
    private static final String TEST_LEAD_MARK = "<test lead:";

    private MetaLeadMapper() {}

    /**
     * Where a lead came from, beyond what Graph says about it.
     *
     * @param leadgenId the lead's id, as the webhook or the form listing named it
     * @param pageId the page
     * @param formId the form, as the webhook or the poller knew it
     * @param sourceId the page's lead source row
     * @param change the webhook change, when the lead came by webhook
     */
    record Origin(String leadgenId, String pageId, String formId, long sourceId, Optional<LeadgenChange> change) {}

    /** The key that makes a Meta lead idempotent: {@code meta:<leadgen id>}. */
    static String externalKey(String leadgenId) {
        return "meta:" + leadgenId;
    }

    /** The lead to upsert, keyed {@code meta:<leadgen id>}. */
    static IncomingLead map(GraphLead lead, Origin origin) {
        Map<String, String> standard = new LinkedHashMap<>();
        List<Lead.Answer> answers = new ArrayList<>();
        boolean testLead = false;
        for (GraphLead.Field field : lead.fields()) {
            String answer = String.join(", ", field.values()).strip();
            answers.add(new Lead.Answer(field.name(), answer));
            testLead |= answer.startsWith(TEST_LEAD_MARK);
            if (!answer.isEmpty()) {
                standard.putIfAbsent(standardKey(field.name()), answer);
            }
        }
        return new IncomingLead(
                Optional.of(externalKey(origin.leadgenId())),
                cut(name(standard), 300),
                cut(standard.getOrDefault("email", ""), 320),
                cut(standard.getOrDefault("phone", ""), 100),
                cut(standard.getOrDefault("city", ""), 200),
                cut(standard.getOrDefault("company", ""), 300),
                KIND,
                Optional.of(origin.sourceId()),
                sourceDetail(lead, origin, testLead),
                List.copyOf(answers));
    }

    /** When the person submitted, in epoch seconds, if Graph said so in a form we can read. */
    static OptionalLong createdEpochSecond(GraphLead lead) {
        return parseGraphTime(lead.createdTime()).map(time -> OptionalLong.of(time.getEpochSecond()))
                .orElse(OptionalLong.empty());
    }

    private static String standardKey(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (EMAIL_KEYS.contains(key)) {
            return "email";
        }
        if (PHONE_KEYS.contains(key)) {
            return "phone";
        }
        if (COMPANY_KEYS.contains(key)) {
            return "company";
        }
        return key;
    }

    private static String name(Map<String, String> standard) {
        String full = standard.getOrDefault("full_name", "");
        if (!full.isEmpty()) {
            return full;
        }
        return (standard.getOrDefault("first_name", "") + " " + standard.getOrDefault("last_name", "")).strip();
    }

    private static Map<String, String> sourceDetail(GraphLead lead, Origin origin, boolean testLead) {
        Optional<LeadgenChange> change = origin.change();
        Map<String, String> detail = new LinkedHashMap<>();
        put(detail, "leadgenId", origin.leadgenId());
        put(detail, "pageId", origin.pageId());
        put(detail, "formId", first(lead.formId(), Optional.of(origin.formId())));
        put(detail, "adId", first(lead.adId(), change.map(LeadgenChange::adId)));
        put(detail, "adName", lead.adName());
        put(detail, "adsetId", first(lead.adsetId(), change.map(LeadgenChange::adgroupId)));
        put(detail, "adsetName", lead.adsetName());
        put(detail, "campaignId", lead.campaignId());
        put(detail, "campaignName", lead.campaignName());
        put(detail, "createdTime", createdTime(lead, change));
        put(detail, "platform", lead.platform());
        put(detail, "isOrganic", lead.isOrganic());
        if (testLead) {
            detail.put("testLead", "true");
        }
        return detail;
    }

    private static String createdTime(GraphLead lead, Optional<LeadgenChange> change) {
        Optional<Instant> parsed = parseGraphTime(lead.createdTime());
        if (parsed.isPresent()) {
            return parsed.get().toString();
        }
        Optional<String> epoch = change.map(LeadgenChange::createdTime).filter(text -> text.matches("[0-9]{1,12}"));
        if (epoch.isPresent()) {
            return Instant.ofEpochSecond(Long.parseLong(epoch.get())).toString();
        }
        return lead.createdTime();
    }

    private static Optional<Instant> parseGraphTime(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, GRAPH_TIME).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
    }

    private static String first(String given, Optional<String> fallback) {
        return given.isEmpty() ? fallback.orElse("") : given;
    }

    private static void put(Map<String, String> detail, String key, String value) {
        if (value != null && !value.isEmpty() && !"0".equals(value)) {
            detail.put(key, cut(value, 300));
        }
    }

    private static String cut(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        // Never split a surrogate pair (emoji) in half.
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
