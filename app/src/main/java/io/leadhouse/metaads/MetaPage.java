package io.leadhouse.metaads;

import java.time.Instant;
import java.util.List;

/**
 * A connected Facebook page as people may see it: never its token.
 *
 * @param sourceId the lead source row
 * @param orgId owning organization
 * @param pageId Meta's page id
 * @param name page name as the Admin entered it
 * @param status {@code connected}, {@code needs_reconnection} or {@code disconnected}
 * @param statusDetail why, when not connected; empty otherwise
 * @param formIds lead forms whose leads are polled
 * @param updatedAt last change of the connection
 */
public record MetaPage(long sourceId, long orgId, String pageId, String name, String status, String statusDetail,
        List<String> formIds, Instant updatedAt) {
    /** The page works. */
    public static final String CONNECTED = "connected";
    /** Meta refused the token (Graph error 190): an Admin must paste a new one. */
    public static final String NEEDS_RECONNECTION = "needs_reconnection";
    /** The Admin disconnected the page; its token is deleted. */
    public static final String DISCONNECTED = "disconnected";
}
