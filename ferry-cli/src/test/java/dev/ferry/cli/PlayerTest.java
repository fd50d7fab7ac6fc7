package dev.ferry.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.protocol.asciicast.AsciicastReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Player timing on a simulated clock: each wait for a key advances the clock instead of sleeping. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PlayerTest {
    private static final String CAST = """
            {"version": 2, "width": 80, "height": 24, "idle_time_limit": 2}
            [0.5, "o", "a"]
            [1.0, "m", "marker"]
            [1.5, "o", "b"]
            [11.5, "o", "c"]
            [12.0, "r", "100x30"]
            [12.0, "o", "d"]
            [13.0, "o", "é"]
            """;

    /** A clock, keys typed at given clock times, and the output with the time each write happened. */
    static final class Sim implements Keys {
        long now;
        final Deque<long[]> typed = new ArrayDeque<>(); // {atNanos, key}
        final List<String> writes = new ArrayList<>();

        Sim type(double atSeconds, int key) {
            typed.add(new long[] {(long) (atSeconds * 1e9), key});
            return this;
        }

        @Override
        public Integer poll(long nanos) {
            long[] next = typed.peek();
            if (next != null && next[0] <= now + nanos) {
                now = Math.max(now, next[0]);
                return (int) typed.poll()[1];
            }
            now += nanos;
            return null;
        }

        @Override
        public int take() {
            long[] next = typed.poll();
            if (next == null) {
                throw new AssertionError("player waits for a key forever");
            }
            now = Math.max(now, next[0]);
            return (int) next[1];
        }

        final OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(String.format("%.3f %s", now / 1e9, new String(b, off, len, UTF_8)));
            }
        };

        List<String> play(Player.Options options) throws IOException, InterruptedException {
            try (AsciicastReader r = new AsciicastReader(new ByteArrayInputStream(CAST.getBytes(UTF_8)), "t.cast")) {
                Player.End end = new Player(out, options, this, () -> now).play(r);
                writes.add(end.name());
            }
            return writes;
        }
    }

    @Test
    void playsOutputWithRecordedTiming() throws Exception {
        assertThat(new Sim().play(new Player.Options(1, null, 0))).containsExactly(
                "0.500 a", "1.500 b", "11.500 c", "12.000 d", "13.000 é", "FINISHED");
    }

    @Test
    void capsPausesAtTheIdleLimitAndScalesBySpeed() throws Exception {
        assertThat(new Sim().play(new Player.Options(1, 2.0, 0))).containsExactly(
                "0.500 a", "1.500 b", "3.500 c", "4.000 d", "5.000 é", "FINISHED");
        assertThat(new Sim().play(new Player.Options(2, 2.0, 0))).containsExactly(
                "0.250 a", "0.750 b", "1.750 c", "2.000 d", "2.500 é", "FINISHED");
    }

    @Test
    void fromFastForwardsEarlierOutputAndStartsTheClockThere() throws Exception {
        assertThat(new Sim().play(new Player.Options(1, 2.0, 11.0))).containsExactly(
                "0.000 a", "0.000 b", "0.500 c", "1.000 d", "2.000 é", "FINISHED");
    }

    @Test
    void spacePausesAndResumes() throws Exception {
        Sim sim = new Sim().type(1.0, ' ').type(5.0, ' ');
        assertThat(sim.play(new Player.Options(1, 2.0, 0))).containsExactly(
                "0.500 a", "5.500 b", "7.500 c", "8.000 d", "9.000 é", "FINISHED");
    }

    @Test
    void dotStepsOneEventWhilePausedThenPlaysOnFromThere() throws Exception {
        Sim sim = new Sim().type(0.6, ' ').type(3.0, '.').type(4.0, '.').type(10.0, ' ');
        assertThat(sim.play(new Player.Options(1, 2.0, 0))).containsExactly(
                "0.500 a", "3.000 b", "4.000 c", "10.500 d", "11.500 é", "FINISHED");
    }

    @Test
    void qQuitsAtOnceEvenWhilePaused() throws Exception {
        assertThat(new Sim().type(2.0, 'q').play(new Player.Options(1, null, 0)))
                .containsExactly("0.500 a", "1.500 b", "QUIT");
        assertThat(new Sim().type(0.7, ' ').type(100, 'q').play(new Player.Options(1, null, 0)))
                .containsExactly("0.500 a", "QUIT");
    }

    @Test
    void otherKeysAndTheEndOfInputChangeNothing() throws Exception {
        Sim sim = new Sim().type(0.6, 'x').type(0.7, ' ').type(0.8, Keys.END);
        assertThat(sim.play(new Player.Options(1, 2.0, 0))).containsExactly(
                "0.500 a", "1.600 b", "3.600 c", "4.100 d", "5.100 é", "FINISHED");
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> new Player.Options(0, null, 0)).hasMessageContaining("--speed");
        assertThatThrownBy(() -> new Player.Options(1, -1.0, 0)).hasMessageContaining("--idle-limit");
        assertThatThrownBy(() -> new Player.Options(1, null, -2)).hasMessageContaining("--from");
    }
}
