package dev.ferry.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamesAndKeysTest {
    @Test
    void namesFollowTmatesRule() {
        assertThat(UserNames.valid("demo")).isTrue();
        assertThat(UserNames.valid("demo-view")).isTrue();
        assertThat(UserNames.valid("a1-b2-c3")).isTrue();
        assertThat(UserNames.valid("a".repeat(50))).isTrue();
        assertThat(UserNames.valid("a".repeat(51))).isFalse();
        assertThat(UserNames.valid("-demo")).isFalse();
        assertThat(UserNames.valid("demo-")).isFalse();
        assertThat(UserNames.valid("de--mo")).isFalse();
        assertThat(UserNames.valid("de_mo")).isFalse();
        assertThat(UserNames.valid("de/mo")).isFalse();
        assertThat(UserNames.valid("")).isFalse();
        assertThat(UserNames.valid("dé")).isFalse();
        assertThatThrownBy(() -> UserNames.check("session name", "x\u001b[2J")).hasMessageNotContaining("\u001b");
    }

    @Test
    void apiKeysHaveAPublicIdAndAreRecognisedByShape() {
        String k = ApiKeys.generate();
        assertThat(k).matches("fk_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}");
        assertThat(ApiKeys.id(k)).isEqualTo(k.substring(3, 11));
        assertThat(ApiKeys.id("fk_short")).isNull();
        assertThat(ApiKeys.id(k.replace('_', '-'))).isNull();
        assertThat(ApiKeys.hash(k)).hasSize(64).isNotEqualTo(ApiKeys.hash(ApiKeys.generate()));
    }

    @Test
    void authorizedKeysTextIsParsedWithLineNumbersInErrors() {
        String ed = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMhzhjZUF0zC1uHW4jHMb4214adNRDspdtYTjLiarJ2L test@example";
        var keys = PublicKeys.parseAll("# comment\n\n" + ed + "\nno-pty " + ed + "\n", "file");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).fingerprint()).startsWith("SHA256:").isEqualTo(keys.get(1).fingerprint());
        assertThat(keys.get(0).comment()).isEqualTo("test@example");
        assertThatThrownBy(() -> PublicKeys.parseAll(ed + "\nssh-rsa AAAA-broken\n", "file")).hasMessageStartingWith("file:2: not an SSH public key");
        assertThatThrownBy(() -> PublicKeys.parseAll("x".repeat(PublicKeys.MAX_TEXT + 1), "file")).hasMessageContaining("larger than");
    }
}
