package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.Tokens;
import org.junit.jupiter.api.Test;

class RedactedMessageTest {
    @Test
    void tokensAndApiKeysAreMaskedAndOtherTextKept() {
        String rw = Tokens.readWrite(), ro = Tokens.readOnly();
        String key = "fk_AbCd1234_" + "x".repeat(32);
        String line = "ServerSessionImpl[" + rw + "@/127.0.0.1:5180] joined " + ro + " key " + key + " fingerprint SHA256:abc";
        assertThat(RedactedMessage.redact(line))
                .isEqualTo("ServerSessionImpl[***@/127.0.0.1:5180] joined ro-*** key *** fingerprint SHA256:abc");
        assertThat(RedactedMessage.redact("session 0f8c2b1e-1234 opened by 127.0.0.1 as alice")).isEqualTo("session 0f8c2b1e-1234 opened by 127.0.0.1 as alice");
    }
}
