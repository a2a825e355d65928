package io.leadhouse.metaads;

import io.leadhouse.crypto.Secret;
import io.leadhouse.support.LeadhouseException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 as Meta uses it: webhook signatures and the Graph API's appsecret_proof. Stateless. */
final class Signatures {
    private static final String PREFIX = "sha256=";
    private static final HexFormat HEX = HexFormat.of();

    private Signatures() {}

    /**
     * Whether {@code header} (the X-Hub-Signature-256 value) is {@code sha256=} followed by the hex
     * HMAC-SHA256 of {@code body} under the app secret. Compares in constant time over the bytes
     * exactly as received.
     */
    static boolean isValid(Optional<String> header, byte[] body, Secret appSecret) {
        if (header.isEmpty() || !header.get().regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given;
        try {
            given = HEX.parseHex(header.get().substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(appSecret, body), given);
    }

    /** The header value Meta would send for {@code body}; for tests and tools. */
    static String sign(byte[] body, Secret appSecret) {
        return PREFIX + HEX.formatHex(hmac(appSecret, body));
    }

    /** The appsecret_proof of a Graph call: hex HMAC-SHA256 of the access token under the app secret. */
    static String appSecretProof(Secret accessToken, Secret appSecret) {
        return HEX.formatHex(hmac(appSecret, accessToken.reveal().getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(Secret key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            // Every JDK ships HmacSHA256; an empty key is refused before we get here.
            throw new LeadhouseException("HmacSHA256 is unavailable in this JVM", e);
        }
    }
}
