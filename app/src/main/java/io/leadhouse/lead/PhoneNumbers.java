package io.leadhouse.lead;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Normalizes phone numbers to E.164 with libphonenumber. Only numbers valid in their country's
 * numbering plan get an E.164 form; callers keep the text as given either way. Thread-safe.
 */
public final class PhoneNumbers {
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** Creates a normalizer that reads numbers without a country code as numbers of {@code defaultRegion}. */
    public PhoneNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The E.164 form of {@code raw}, or empty when it is not a valid phone number. */
    public Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = util.parse(raw.strip(), defaultRegion);
            // isPossibleNumber checks only the length, which let 98100150 0000 become +91981001500000.
            if (!util.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
