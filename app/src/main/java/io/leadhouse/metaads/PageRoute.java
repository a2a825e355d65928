package io.leadhouse.metaads;

import io.leadhouse.crypto.Secret;

/**
 * What a worker needs to handle a delivery for one page: the organization it belongs to and the
 * page token to call the Graph API with.
 *
 * @param orgId owning organization
 * @param sourceId the page's lead source row
 * @param pageId Meta's page id
 * @param accessToken the page access token
 */
public record PageRoute(long orgId, long sourceId, String pageId, Secret accessToken) {}
