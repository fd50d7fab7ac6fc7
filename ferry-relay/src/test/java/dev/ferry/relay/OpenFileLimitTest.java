package dev.ferry.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class OpenFileLimitTest {
    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max open files            1024                 524288               files
            Max locked memory         8388608              8388608              bytes
            """;

    @Test
    void readsTheSoftLimitOfOpenFiles() {
        assertThat(OpenFileLimit.parse(LIMITS)).hasValue(1024);
        assertThat(OpenFileLimit.parse(LIMITS.replace("1024    ", "unlimited"))).isEmpty();
        assertThat(OpenFileLimit.parse("Max cpu time unlimited unlimited seconds\n")).isEmpty();
    }

    @Test
    void thisProcessHasOne() {
        assertThat(OpenFileLimit.current()).isPresent();   // Linux: the relay's only platform
    }

    @Test
    void aLowLimitIsSaidInTheBannerAndAHighOneIsNot() {
        assertThat(OpenFileLimit.bannerLine(OptionalLong.of(1024))).startsWith("open-file limit: 1024,").contains("LimitNOFILE");
        assertThat(OpenFileLimit.bannerLine(OptionalLong.of(524288))).isNull();
        assertThat(OpenFileLimit.bannerLine(OptionalLong.empty())).isNull();
    }
}
