package dev.ferry.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void hashesAreArgon2idPhcStringsWithFreshSalts() {
        String a = PasswordHasher.hash("correct horse"), b = PasswordHasher.hash("correct horse");
        assertThat(a).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}").isNotEqualTo(b);
        assertThat(PasswordHasher.verify("correct horse", a)).isTrue();
        assertThat(PasswordHasher.verify("correct horse", b)).isTrue();
        assertThat(PasswordHasher.verify("correct horsf", a)).isFalse();
        assertThat(PasswordHasher.verify("", a)).isFalse();
    }

    @Test
    void verifiesAReferenceVectorAndRejectsMalformedStrings() {
        // RFC 9106's parameters are not PHC; check against Bouncy Castle directly with a known salt instead.
        byte[] out = new byte[32];
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        byte[] salt = "0123456789abcdef".getBytes();
        g.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(0x13).withMemoryAsKB(64).withIterations(3).withParallelism(1).withSalt(salt).build());
        g.generateBytes("pw".getBytes(), out);
        var b64 = java.util.Base64.getEncoder().withoutPadding();
        String phc = "$argon2id$v=19$m=64,t=3,p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(out);
        assertThat(PasswordHasher.verify("pw", phc)).isTrue();
        assertThat(PasswordHasher.verify("pw", phc.replace("argon2id", "argon2i"))).isFalse();
        assertThat(PasswordHasher.verify("pw", phc.replace("m=64", "m=99999999"))).isFalse();   // memory bomb refused
        assertThat(PasswordHasher.verify("pw", "$argon2id$v=19$m=64$x$y")).isFalse();
        assertThat(PasswordHasher.verify("pw", null)).isFalse();
        assertThat(PasswordHasher.verify("pw", "plain")).isFalse();
    }
}
