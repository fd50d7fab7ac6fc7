package dev.ferry.relay.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a participant's join query says: {@code ?client=cli} names {@code ferry join}; {@code deflated=1} reads deflated frames. */
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

    @Test
    void deflatedFramesOnlyForThoseWhoAskAndOnlyInACrowdedSessionOrFromAHostThatDeflates() {
        assertThat(JoinLink.deflatedFrames("view=panes&deflated=1", JoinLink.SHARED_DEFLATE_SEATS, false)).isTrue();
        assertThat(JoinLink.deflatedFrames("client=cli&deflated=1", 100, false)).isTrue();
        assertThat(JoinLink.deflatedFrames("deflated=1", JoinLink.SHARED_DEFLATE_SEATS - 1, false)).isFalse();
        assertThat(JoinLink.deflatedFrames("deflated=1", 0, true)).isTrue();
        assertThat(JoinLink.deflatedFrames("view=panes", 100, true)).isFalse();
        assertThat(JoinLink.deflatedFrames("deflated=10", 100, true)).isFalse();
        assertThat(JoinLink.deflatedFrames(null, 100, true)).isFalse();
    }
}
