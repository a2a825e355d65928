package io.leadhouse.account;

import io.leadhouse.config.Setting;
import io.leadhouse.config.Settings;
import io.leadhouse.crypto.Secret;
import java.util.Optional;
import java.util.List;

/**
 * Unattended first setup: when all three are given and no organization exists yet, start-up
 * creates the organization and its Owner, so an install can be scripted without the console.
 *
 * @param org organization name
 * @param ownerEmail the Owner's email
 * @param ownerPassword the Owner's password
 */
public record SetupSettings(String org, String ownerEmail, Secret ownerPassword) {
    /** {@code setup.org}; environment {@code LEADHOUSE_SETUP_ORG}. */
    public static final Setting ORG = Setting.text("setup.org", "", "Unattended setup: organization name.");
    /** {@code setup.owner-email}; environment {@code LEADHOUSE_SETUP_OWNER_EMAIL}. */
    public static final Setting OWNER_EMAIL = Setting.text(
            "setup.owner-email", "", "Unattended setup: the Owner's email.");
    /** {@code setup.owner-password}; environment {@code LEADHOUSE_SETUP_OWNER_PASSWORD}. */
    public static final Setting OWNER_PASSWORD = Setting.secret(
            "setup.owner-password", "Unattended setup: the Owner's password; give it in the environment.");

    /** Every setting this feature declares. */
    public static final List<Setting> DECLARED = List.of(ORG, OWNER_EMAIL, OWNER_PASSWORD);

    /** The unattended setup, when all three values are given. */
    public static Optional<SetupSettings> from(Settings settings) {
        String org = settings.text(ORG);
        String email = settings.text(OWNER_EMAIL);
        String password = settings.text(OWNER_PASSWORD);
        if (org.isBlank() && email.isBlank() && password.isEmpty()) {
            return Optional.empty();
        }
        if (org.isBlank() || email.isBlank() || password.isEmpty()) {
            throw new io.leadhouse.config.InvalidConfigException(
                    "unattended setup needs setup.org, setup.owner-email and setup.owner-password together"
                            + " (LEADHOUSE_SETUP_ORG, LEADHOUSE_SETUP_OWNER_EMAIL, LEADHOUSE_SETUP_OWNER_PASSWORD)");
        }
        try {
            AccountService.checkPassword(Secret.of(password));
        } catch (io.leadhouse.support.InvalidInputException e) {
            throw new io.leadhouse.config.InvalidConfigException("setup.owner-password: " + e.getMessage());
        }
        return Optional.of(new SetupSettings(org.strip(), email.strip(), Secret.of(password)));
    }
}
