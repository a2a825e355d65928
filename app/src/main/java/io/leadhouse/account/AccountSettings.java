package io.leadhouse.account;

import io.leadhouse.config.Setting;
import io.leadhouse.config.Settings;
import java.time.Duration;
import java.util.List;

/**
 * Settings of sign-in and sessions.
 *
 * @param sessionLifetime how long a session token works after sign-in
 * @param bcryptCost the bcrypt work factor for new password hashes
 */
public record AccountSettings(Duration sessionLifetime, int bcryptCost) {
    /** {@code security.session-minutes}. */
    public static final Setting SESSION_MINUTES = Setting.integer(
            "security.session-minutes", 480, 5, 10_080, "Minutes a sign-in stays valid.");
    /** {@code security.bcrypt-cost}. */
    public static final Setting BCRYPT_COST = Setting.integer(
            "security.bcrypt-cost", 12, 12, 16, "bcrypt work factor for password hashes.");

    /** Every setting this feature declares. */
    public static final List<Setting> DECLARED = List.of(SESSION_MINUTES, BCRYPT_COST);

    /** Reads the typed values. */
    public static AccountSettings from(Settings settings) {
        return new AccountSettings(
                Duration.ofMinutes(settings.number(SESSION_MINUTES)), settings.integer(BCRYPT_COST));
    }
}
