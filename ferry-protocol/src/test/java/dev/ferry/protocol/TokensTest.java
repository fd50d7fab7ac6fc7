package dev.ferry.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void tokensAreLongUnambiguousAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String t = Tokens.readWrite();
            assertThat(t).hasSize(26).matches("[abcdefghjkmnpqrstuvwxyz23456789]+");
            assertThat(seen.add(t)).isTrue();
        }
        assertThat(String.join("", seen)).doesNotContain("0", "1", "l", "i", "o");
    }

    @Test
    void readOnlyTokensCarryThePrefix() {
        String ro = Tokens.readOnly();
        assertThat(ro).startsWith("ro-").hasSize(29);
        assertThat(Tokens.isReadOnly(ro)).isTrue();
        assertThat(Tokens.isReadOnly(Tokens.readWrite())).isFalse();
    }

    @Test
    void wellFormedChecksShape() {
        assertThat(Tokens.wellFormed(Tokens.readWrite())).isTrue();
        assertThat(Tokens.wellFormed(Tokens.readOnly())).isTrue();
        assertThat(Tokens.wellFormed("short")).isFalse();
        assertThat(Tokens.wellFormed("ro-" + "0".repeat(26))).isFalse();
        assertThat(Tokens.wellFormed(null)).isFalse();
        assertThat(Tokens.wellFormed("../../etc/passwdaaaaaaaaaaa")).isFalse();
    }
}
