package io.leadhouse.search;

import io.leadhouse.lead.Lead;
import java.time.Instant;
import java.util.List;

/**
 * The answer to a search, as {@code GET /api/v1/search} returns it.
 *
 * @param query the text searched for, as given
 * @param items the matches, most relevant first
 */
public record SearchResult(String query, List<Hit> items) {

    /**
     * One match.
     *
     * @param type what matched; {@code lead} for now
     * @param id the lead id
     * @param name full name, empty when unknown
     * @param email email, empty when unknown
     * @param phone the E.164 number, or the number as given when it could not be normalized
     * @param company company, empty when unknown
     * @param city city, empty when unknown
     * @param createdAt when Leadhouse stored the lead
     * @param url the lead's page in the web UI
     */
    public record Hit(
            String type,
            long id,
            String name,
            String email,
            String phone,
            String company,
            String city,
            Instant createdAt,
            String url) {

        /** The hit for {@code lead}. */
        public static Hit of(Lead lead) {
            String phone = lead.phone().isEmpty() ? lead.phoneRaw() : lead.phone();
            return new Hit("lead", lead.id(), lead.name(), lead.email(), phone, lead.company(), lead.city(),
                    lead.createdAt(), "/leads/" + lead.id());
        }
    }
}
