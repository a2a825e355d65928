package io.leadhouse.view;

import java.time.Instant;
import java.util.Map;

/**
 * A user's named set of leads-list filters and search text.
 *
 * @param id the view's id
 * @param name what the user called it, 1 to 80 characters
 * @param query the filter values by parameter name (see {@code LeadFilter}), plus {@code q} for search text
 * @param createdAt when the user saved it
 */
public record SavedView(long id, String name, Map<String, String> query, Instant createdAt) {}
