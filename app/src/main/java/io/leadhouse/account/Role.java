package io.leadhouse.account;

import java.util.Locale;

/** The roles a member of an organization can have, most powerful first. */
public enum Role {
    OWNER,
    ADMIN,
    MANAGER,
    STAFF,
    VIEWER;

    /** Whether this role may change settings and integrations (Owner and Admin). */
    public boolean administers() {
        return this == OWNER || this == ADMIN;
    }

    /** The name as shown to users and stored: {@code Owner}, {@code Admin}, ... */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
