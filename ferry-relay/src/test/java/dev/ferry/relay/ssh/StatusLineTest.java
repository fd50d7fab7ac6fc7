package dev.ferry.relay.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusLineTest {
    @Test
    void cropWarningOnlyWhenTheWindowIsSmallerInEitherDirection() {
        StatusLine s = new StatusLine();
        assertThat(s.text(80, 24, 80, 24, 0)).isNull();
        assertThat(s.text(120, 40, 80, 24, 0)).isNull();
        assertThat(s.text(60, 20, 80, 24, 0)).isEqualTo("[ferry] view cropped: your 60x20 window, session is 80x24");
        assertThat(s.text(100, 20, 80, 24, 0)).isEqualTo("[ferry] view cropped: your 100x20 window, session is 80x24");
        assertThat(s.text(79, 50, 80, 24, 0)).startsWith("[ferry] view cropped");
        assertThat(s.nanosUntilChange(0)).isEqualTo(-1);
    }

    @Test
    void aNoticeShowsForAFewSecondsThenTheUsualLineReturns() {
        StatusLine s = new StatusLine();
        long t = 1_000_000_000L;
        s.notice("someone joined read-only via ssh from 10.0.0.2", t);
        assertThat(s.text(80, 24, 80, 24, t)).isEqualTo("[ferry] someone joined read-only via ssh from 10.0.0.2");
        assertThat(s.nanosUntilChange(t + 1_000_000_000L)).isEqualTo(StatusLine.NOTICE_NANOS - 1_000_000_000L);
        long after = t + StatusLine.NOTICE_NANOS;
        assertThat(s.text(80, 24, 80, 24, after)).isNull();
        assertThat(s.text(60, 20, 80, 24, after)).startsWith("[ferry] view cropped");
        assertThat(s.nanosUntilChange(after)).isEqualTo(-1);
    }
}
