package io.leadhouse.account;

import io.leadhouse.crypto.Secret;
import java.time.Instant;

/**
 * The result of a successful sign-in.
 *
 * @param token the session token, shown to the client once and stored only as a hash
 * @param user who signed in
 * @param expiresAt when the token stops working
 */
public record SignedIn(Secret token, User user, Instant expiresAt) {}
