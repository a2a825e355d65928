package io.leadhouse.metaads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leadhouse.crypto.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    private static final Secret SECRET = Secret.of("s3cret");
    private static final byte[] BODY = "{\"object\":\"page\"}".getBytes(StandardCharsets.UTF_8);
    // HMAC-SHA256("s3cret", {"object":"page"}), computed independently with openssl dgst -sha256 -hmac.
    private static final String EXPECTED = "sha256=2c456c04d69676a639e2f3f04db472fa1dab1ac0c44d094f7684ada2e97d0c39";

    @Test
    void signsLikeMeta() {
        assertEquals(EXPECTED, Signatures.sign(BODY, SECRET));
    }

    @Test
    void acceptsUpperCaseHex() {
        assertEquals(true, Signatures.isValid(Optional.of("sha256=" + EXPECTED.substring(7).toUpperCase(
                java.util.Locale.ROOT)), BODY, SECRET));
    }

    @Test
    void refusesSha1Header() {
        assertEquals(false, Signatures.isValid(Optional.of("sha1=ac19f07124cf67bdee5f5201f986d570b39b2026"), BODY,
                SECRET));
    }

    @Test
    void refusesHexThatIsNotHex() {
        assertEquals(false, Signatures.isValid(Optional.of("sha256=zz"), BODY, SECRET));
    }
}
