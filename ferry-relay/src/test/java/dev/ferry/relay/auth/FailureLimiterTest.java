package dev.ferry.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final FailureLimiter limiter = new FailureLimiter(3, 1_000, now::get);

    @Test
    void blocksAfterTheBurstAndRecoversOneAttemptPerRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.blocked("10.0.0.1")).isFalse();
            limiter.failed("10.0.0.1");
        }
        assertThat(limiter.blocked("10.0.0.1")).isTrue();
        assertThat(limiter.blocked("10.0.0.2")).as("other addresses are not affected").isFalse();
        now.addAndGet(999);
        assertThat(limiter.blocked("10.0.0.1")).isTrue();
        now.addAndGet(1);
        assertThat(limiter.blocked("10.0.0.1")).isFalse();
        limiter.failed("10.0.0.1");
        assertThat(limiter.blocked("10.0.0.1")).isTrue();
    }
}
