/**
 * Encryption of stored secrets: the master key, the Tink keyset and the row-bound
 * {@link io.leadhouse.crypto.SecretBox}.
 */
package io.leadhouse.crypto;
