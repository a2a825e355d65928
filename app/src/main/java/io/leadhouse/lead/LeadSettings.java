package io.leadhouse.lead;

import io.leadhouse.config.Setting;
import io.leadhouse.config.Settings;
import java.util.List;

/**
 * Settings of leads.
 *
 * @param defaultRegion ISO 3166 region used to read phone numbers written without a country code
 */
public record LeadSettings(String defaultRegion) {
    /** {@code phone.default-region}. */
    public static final Setting DEFAULT_REGION = Setting.text(
            "phone.default-region", "IN", "Region (ISO 3166, e.g. IN, US) for numbers without a country code.");

    /** Every setting this feature declares. */
    public static final List<Setting> DECLARED = List.of(DEFAULT_REGION);

    /** Reads and checks the typed values. */
    public static LeadSettings from(Settings settings) {
        String region = settings.text(DEFAULT_REGION).toUpperCase(java.util.Locale.ROOT);
        if (!com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw new io.leadhouse.config.InvalidConfigException("phone.default-region is '" + region
                    + "'; use a two-letter region code such as IN, US or GB");
        }
        return new LeadSettings(region);
    }
}
