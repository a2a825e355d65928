package io.leadhouse.store;

import io.leadhouse.config.Setting;
import io.leadhouse.config.Settings;
import java.util.List;

/**
 * Settings of the embedded database.
 *
 * @param poolSize connections shared by all requests and jobs; small on purpose, see DESIGN.md
 * @param pageCachePages Derby's page cache, in pages of 4 KB
 */
public record DatabaseSettings(int poolSize, int pageCachePages) {
    /** {@code database.pool-size}. */
    public static final Setting POOL_SIZE = Setting.integer(
            "database.pool-size", 8, 2, 64, "Database connections shared by requests and jobs.");
    /** {@code database.page-cache-pages}. */
    public static final Setting PAGE_CACHE = Setting.integer(
            "database.page-cache-pages", 4000, 1000, 1_000_000, "Derby page cache size in 4 KB pages.");

    /** Every setting this feature declares. */
    public static final List<Setting> DECLARED = List.of(POOL_SIZE, PAGE_CACHE);

    /** Reads the typed values. */
    public static DatabaseSettings from(Settings settings) {
        return new DatabaseSettings(settings.integer(POOL_SIZE), settings.integer(PAGE_CACHE));
    }
}
