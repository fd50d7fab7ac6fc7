package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.relay.RelayConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The relay's recording settings: --keep-recordings ages and --record-input, from flags, environment or default. */
class RelayCommandTest {
    @Test
    void keepRecordingsTakesDaysHoursMinutesOrForever() {
        assertThat(RelayCommand.age("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(RelayCommand.age("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(RelayCommand.age("45m")).isEqualTo(Duration.ofMinutes(45));
        assertThat(RelayCommand.age("forever")).isNull();
        for (String bad : new String[] {"", "30", "d", "0d", "-1d", "30x", "1.5d"}) {
            assertThatThrownBy(() -> RelayCommand.age(bad)).as(bad).hasMessageStartingWith("keep-recordings must look like");
        }
    }

    @Test
    void defaultsKeepThirtyDaysWithoutInputAndFlagsOrEnvironmentChangeThat() {
        RelayCommand c = new RelayCommand();
        c.dataOptions.data = java.nio.file.Path.of("/tmp/ferry-test-none");
        RelayConfig d = c.resolve(Map.of());
        assertThat(d.keepRecordings()).isEqualTo(Duration.ofDays(30));
        assertThat(d.recordInput()).isFalse();

        RelayConfig env = c.resolve(Map.of("FERRY_KEEP_RECORDINGS", "7d", "FERRY_RECORD_INPUT", "true"));
        assertThat(env.keepRecordings()).isEqualTo(Duration.ofDays(7));
        assertThat(env.recordInput()).isTrue();

        c.keepRecordings = "forever";
        c.recordInput = true;
        RelayConfig flags = c.resolve(Map.of("FERRY_KEEP_RECORDINGS", "7d"));
        assertThat(flags.keepRecordings()).isNull();
        assertThat(flags.recordInput()).isTrue();
    }
}
