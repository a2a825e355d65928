package io.leadhouse.support;

import java.util.regex.Pattern;

/**
 * The one rule for what looks like an email address, shared by sign-in accounts and leads: some
 * text, one {@code @}, a domain with a dot, no spaces. Deliverability is not checked. Thread-safe.
 */
public final class EmailAddresses {
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private EmailAddresses() {}

    /** Whether {@code text} has the shape of an email address, such as {@code name@example.com}. */
    public static boolean isPlausible(String text) {
        return ADDRESS.matcher(text).matches();
    }
}
