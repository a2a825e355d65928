package io.leadhouse.metaads;

import io.leadhouse.crypto.Secret;

/**
 * The install's Meta app: its secret signs every webhook delivery; the verify token answers the
 * subscription handshake.
 *
 * @param appSecret the app secret
 * @param verifyToken the token Meta echoes in the handshake
 */
public record MetaAppCredentials(Secret appSecret, Secret verifyToken) {}
