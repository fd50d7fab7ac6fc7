package dev.ferry.relay.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ferry join} names itself with {@code ?client=cli}; anything else is a browser. */
class JoinLinkTransportTest {
    @Test
    void onlyClientCliIsTheCli() {
        assertThat(JoinLink.transport("client=cli")).isEqualTo("cli");
        assertThat(JoinLink.transport("x=1&client=cli")).isEqualTo("cli");
        assertThat(JoinLink.transport(null)).isEqualTo("web");
        assertThat(JoinLink.transport("")).isEqualTo("web");
        assertThat(JoinLink.transport("client=clix")).isEqualTo("web");
        assertThat(JoinLink.transport("client=ssh")).isEqualTo("web");
    }
}
