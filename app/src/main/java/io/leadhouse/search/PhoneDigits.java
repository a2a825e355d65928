package io.leadhouse.search;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Phone numbers as digit strings, so that a number is found however it was typed: with or without
 * the country code, spaces, dashes or a leading 0, or by its last digits. The index keeps every
 * digit suffix of at least {@link #MIN_DIGITS}; a query is reduced to its digits and looked up
 * whole. Stateless.
 */
final class PhoneDigits {
    /** The fewest digits that are searched as a phone number: shorter runs match too much. */
    static final int MIN_DIGITS = 7;

    private PhoneDigits() {}

    /** The digits of {@code text} in order, everything else dropped. */
    static String digitsOf(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        text.codePoints().filter(c -> c >= '0' && c <= '9').forEach(digits::appendCodePoint);
        return digits.toString();
    }

    /** Whether {@code text} reads as a phone number: digits and separators only, at least seven digits. */
    static boolean looksLikePhone(String text) {
        return text.matches("[0-9+()./\\-\\s]+") && digitsOf(text).length() >= MIN_DIGITS;
    }

    /**
     * The terms to index for a lead's numbers: every suffix of at least seven digits of each
     * number's digits, and of the digits without leading zeros (a trunk prefix).
     */
    static Set<String> indexTerms(String... numbers) {
        Set<String> terms = new LinkedHashSet<>();
        for (String number : numbers) {
            String digits = digitsOf(number);
            for (String form : new String[] {digits, stripLeadingZeros(digits)}) {
                for (int start = 0; form.length() - start >= MIN_DIGITS; start++) {
                    terms.add(form.substring(start));
                }
            }
        }
        return terms;
    }

    /**
     * The terms to look up for a typed number: its digits, and the same without leading zeros
     * (a trunk prefix such as 0, or 00 before a country code). Empty when under seven digits.
     */
    static Set<String> queryTerms(String typed) {
        String digits = digitsOf(typed);
        Set<String> terms = new LinkedHashSet<>();
        for (String form : new String[] {digits, stripLeadingZeros(digits)}) {
            if (form.length() >= MIN_DIGITS) {
                terms.add(form);
            }
        }
        return terms;
    }

    private static String stripLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }
}
