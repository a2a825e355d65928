package io.leadhouse.metaads;

import java.util.OptionalLong;

/**
 * A lead form to poll, with where the last poll stopped.
 *
 * @param id the lead_forms row
 * @param orgId owning organization
 * @param sourceId the page's lead source row
 * @param pageId Meta's page id
 * @param formId Meta's form id
 * @param syncedUntil epoch seconds of the newest lead seen so far, empty before the first poll
 */
public record MetaForm(long id, long orgId, long sourceId, String pageId, String formId, OptionalLong syncedUntil) {}
