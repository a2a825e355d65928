package io.leadhouse.admin;

import io.leadhouse.account.AccountService;
import io.leadhouse.account.User;
import io.leadhouse.crypto.Secret;
import io.leadhouse.support.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First-run setup: creates the first organization and its Owner, once. After that every attempt
 * is a conflict, so the setup form and endpoint close for good. Thread-safe.
 */
final class FirstRunSetup {
    private static final Logger LOG = LoggerFactory.getLogger(FirstRunSetup.class);

    private final AccountService accounts;

    FirstRunSetup(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Whether setup has been done (here, by {@code leadhouse init} or unattended at start). */
    boolean isDone() {
        return accounts.isSetUp();
    }

    /**
     * Creates the organization and its Owner.
     *
     * @throws ConflictException when an organization already exists
     */
    // Synchronized so two setup submissions racing each other cannot both create an organization.
    synchronized User run(String organization, String fullName, String email, Secret password, String address) {
        if (accounts.isSetUp()) {
            throw new ConflictException("Leadhouse is already set up; sign in to the admin console instead");
        }
        AccountService.checkPassword(password);
        User owner = accounts.createOrganization(organization, email, fullName, password);
        LOG.info("first-run setup done from address={}: org={} Owner user={}", address, owner.orgId(), owner.id());
        return owner;
    }
}
