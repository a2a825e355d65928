package io.leadhouse.lead;

import java.util.List;

/**
 * One page of leads, newest first.
 *
 * @param leads the leads on this page
 * @param page zero-based page number
 * @param size page size asked for
 * @param total leads in the organization that pass the filter
 */
public record LeadPage(List<Lead> leads, int page, int size, long total) {}
