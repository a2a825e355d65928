package io.leadhouse.metaads;

import java.util.List;
import java.util.Optional;

/**
 * One page of a form's leads.
 *
 * @param leads the leads on this page
 * @param after the cursor of the next page; empty on the last page
 */
public record GraphLeadPage(List<GraphLead> leads, Optional<String> after) {}
