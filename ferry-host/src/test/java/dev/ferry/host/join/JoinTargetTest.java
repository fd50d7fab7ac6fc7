package dev.ferry.host.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JoinTargetTest {
    private static final String TOKEN = "abcdefghjkmnpqrstuvwxyz234";

    @Test
    void webLinkGivesTheJoinEndpoint() {
        JoinTarget t = JoinTarget.parse("http://relay.example:8080/t/" + TOKEN, null);
        assertThat(t.endpoint().toString()).isEqualTo("ws://relay.example:8080/ws/join/" + TOKEN + "?client=cli&deflated=1");
        assertThat(t.relay()).isEqualTo("http://relay.example:8080").doesNotContain(TOKEN);
        assertThat(t.readOnlyToken()).isFalse();
    }

    @Test
    void httpsLinkUnderAPathUsesWss() {
        JoinTarget t = JoinTarget.parse("https://example.com/ferry/t/ro-" + TOKEN, null);
        assertThat(t.endpoint().toString()).isEqualTo("wss://example.com/ferry/ws/join/ro-" + TOKEN + "?client=cli&deflated=1");
        assertThat(t.readOnlyToken()).isTrue();
    }

    @Test
    void tokenUsesTheRelay() {
        assertThat(JoinTarget.parse(TOKEN, "localhost:9000/").endpoint().toString())
                .isEqualTo("ws://localhost:9000/ws/join/" + TOKEN + "?client=cli&deflated=1");
    }

    @Test
    void badInputIsOneLine() {
        assertThatThrownBy(() -> JoinTarget.parse("not-a-token", "http://x")).hasMessage("Invalid or expired session token");
        assertThatThrownBy(() -> JoinTarget.parse("http://x:1/nothing", null)).hasMessageContaining("not a Ferry link");
        assertThatThrownBy(() -> JoinTarget.parse(TOKEN, null)).hasMessageContaining("--relay");
        assertThatThrownBy(() -> JoinTarget.parse("ftp://x/t/" + TOKEN, null)).hasMessageContaining("http(s)");
    }
}
