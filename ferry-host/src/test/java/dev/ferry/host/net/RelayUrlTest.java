package dev.ferry.host.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RelayUrlTest {

    @Test
    void sameOriginIsSchemeHostAndPortWithDefaultPortsAndCaseNormalised() {
        assertThat(RelayUrl.sameOrigin("http://relay.example:8080", "http://relay.example:8080/t/abc")).isTrue();
        assertThat(RelayUrl.sameOrigin("https://Relay.Example", "https://relay.example:443/")).isTrue();
        assertThat(RelayUrl.sameOrigin("relay.example", "http://relay.example:80")).isTrue();
        assertThat(RelayUrl.sameOrigin("ws://relay.example:8080", "http://relay.example:8080")).isTrue();
        assertThat(RelayUrl.sameOrigin("http://relay.example:8080", "http://relay.example:8081")).isFalse();
        assertThat(RelayUrl.sameOrigin("http://relay.example", "https://relay.example")).isFalse();
        assertThat(RelayUrl.sameOrigin("http://relay.example", "http://relay.example.evil.test")).isFalse();
        assertThat(RelayUrl.sameOrigin("http://relay.example", "ftp://relay.example")).isFalse();
        assertThat(RelayUrl.sameOrigin("http://", "http://")).isFalse();
    }

    @Test
    void httpBecomesWs() {
        assertThat(RelayUrl.ws("http://relay.example:8080", "/ws/host")).hasToString("ws://relay.example:8080/ws/host");
        assertThat(RelayUrl.ws("ws://relay.example:8080", "/ws/host")).hasToString("ws://relay.example:8080/ws/host");
    }

    @Test
    void httpsBecomesWss() {
        assertThat(RelayUrl.ws("https://relay.example", "/ws/agent")).hasToString("wss://relay.example/ws/agent");
        assertThat(RelayUrl.ws("wss://relay.example", "/ws/agent")).hasToString("wss://relay.example/ws/agent");
        assertThat(RelayUrl.ws("HTTPS://relay.example", "/ws/agent")).hasToString("wss://relay.example/ws/agent");
    }

    @Test
    void noSchemeMeansHttp() {
        assertThat(RelayUrl.base("localhost:9000")).isEqualTo("http://localhost:9000");
        assertThat(RelayUrl.ws("localhost:9000", "/ws/host")).hasToString("ws://localhost:9000/ws/host");
    }

    @Test
    void trailingSlashesGo() {
        assertThat(RelayUrl.base("http://relay.example:8080//")).isEqualTo("http://relay.example:8080");
        assertThat(RelayUrl.ws("http://relay.example:8080/", "/ws/host")).hasToString("ws://relay.example:8080/ws/host");
        assertThat(RelayUrl.ws("https://example.com/ferry/", "/ws/host")).hasToString("wss://example.com/ferry/ws/host");
    }

    @Test
    void thePathJoinsTheRelaysOwnPath() {
        assertThat(RelayUrl.ws("https://example.com/a/ferry", "/ws/join/TOKEN?client=cli"))
                .hasToString("wss://example.com/a/ferry/ws/join/TOKEN?client=cli");
        assertThat(RelayUrl.ws("http://[::1]:8080", "/ws/agent")).hasToString("ws://[::1]:8080/ws/agent");
    }

    @Test
    void badUrlsAreOneLineErrors() {
        assertThatThrownBy(() -> RelayUrl.ws("http://relay example", "/ws/host"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("relay URL does not parse: http://relay example");
        assertThatThrownBy(() -> RelayUrl.ws("ftp://relay.example", "/ws/host"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("relay URL must be http(s):// or ws(s)://, got ftp://relay.example");
        assertThatThrownBy(() -> RelayUrl.ws("http://", "/ws/host"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("relay URL does not parse: http://");
        assertThatThrownBy(() -> RelayUrl.ws("http:///ferry", "/ws/host"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("relay URL has no host: http:///ferry");
    }
}
