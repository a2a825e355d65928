package io.leadhouse.admin;

import io.javalin.http.Context;
import io.leadhouse.account.AccountService;
import io.leadhouse.account.SignedIn;
import io.leadhouse.account.User;
import io.leadhouse.crypto.Secret;
import io.leadhouse.support.ForbiddenException;
import io.leadhouse.support.UnauthorizedException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the console: Owners and Admins only. Signs them in (logging who, from where and the
 * result, never the password) and finds the caller of a request by console session or bearer token.
 */
final class AdminAccess {
    private static final Logger LOG = LoggerFactory.getLogger(AdminAccess.class);
    private static final String BEARER = "Bearer ";

    private final AccountService accounts;

    AdminAccess(AccountService accounts) {
        this.accounts = accounts;
    }

    /**
     * Checks the email and password and the role.
     *
     * @throws UnauthorizedException when the email or password is wrong
     * @throws ForbiddenException when the user is neither Owner nor Admin
     */
    SignedIn signIn(String email, Secret password, String address) {
        String who = loggable(email);
        SignedIn signedIn;
        try {
            signedIn = accounts.signIn(email, password);
        } catch (UnauthorizedException e) {
            LOG.info("admin console sign-in email={} address={} result=refused: wrong email or password", who, address);
            throw e;
        }
        User user = signedIn.user();
        if (!user.role().administers()) {
            accounts.signOut(signedIn.token());
            LOG.info("admin console sign-in email={} address={} result=refused: role {}", who, address,
                    user.role().label());
            throw new ForbiddenException("only an Owner or Admin may use the admin console; " + user.email() + " is "
                    + user.role().label() + ", so use the web UI or ask an Owner for the Admin role");
        }
        LOG.info("admin console sign-in email={} address={} result=signed in as {} user={}", who, address,
                user.role().label(), user.id());
        return signedIn;
    }

    /** Ends the app session behind a console session or bearer token. */
    void signOut(Secret token) {
        if (!token.isEmpty()) {
            accounts.signOut(token);
        }
    }

    /** The Owner or Admin signed in through this console session, while the app session lasts. */
    Optional<User> user(ConsoleSession session) {
        if (!session.signedIn()) {
            return Optional.empty();
        }
        return accounts.authenticate(session.appToken()).filter(user -> user.role().administers());
    }

    /**
     * The Owner or Admin whose bearer token the request carries.
     *
     * @throws UnauthorizedException when there is no token or it no longer works
     * @throws ForbiddenException when the token belongs to someone else than an Owner or Admin
     */
    User bearer(Context ctx) {
        Secret token = bearerToken(ctx)
                .orElseThrow(() -> new UnauthorizedException(
                        "sign in first: POST /admin/api/login, then send Authorization: Bearer <token>"));
        User user = accounts.authenticate(token)
                .orElseThrow(() -> new UnauthorizedException(
                        "the token has expired or was ended; sign in again with POST /admin/api/login"));
        if (!user.role().administers()) {
            throw new ForbiddenException("only an Owner or Admin may use the admin console; you are "
                    + user.role().label());
        }
        return user;
    }

    /**
     * Checks that the user may change what the whole install shares (the Meta app): an Owner or
     * Admin of the organization that set the install up, not of any other organization on it.
     */
    void installAdministrator(User user) {
        if (!mayConfigureInstall(user)) {
            throw new ForbiddenException("the Meta app is shared by every organization on this install; only an Owner"
                    + " or Admin of the organization that set the install up may change it");
        }
    }

    /** Whether the user administers what the whole install shares; see {@link #installAdministrator}. */
    boolean mayConfigureInstall(User user) {
        return user.role().administers() && accounts.isInstallOrganization(user.orgId());
    }

    /** The bearer token of the request, if it sends one. */
    static Optional<Secret> bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(Secret.of(token));
    }

    /** User-typed text made safe for one log line: no line breaks or control characters, bounded length. */
    static String loggable(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\p{Cntrl}", "_");
        return flat.length() > 120 ? flat.substring(0, 120) + "..." : flat;
    }
}
