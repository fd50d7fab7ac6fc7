package dev.ferry.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feeding snapshot() into a fresh terminal of the same size rebuilds the same state, for any stream. */
class SnapshotPropertyTest {
    @Test
    void snapshotRebuildsTheScreenInAFreshTerminal() {
        List<String> failures = new ArrayList<>();
        for (int seed = 0; seed < 3000; seed++) {
            int cols = 10 + seed % 30, rows = 3 + seed % 9;
            Terminal t = new Terminal(cols, rows);
            StreamGen gen = new StreamGen(seed, cols, rows);
            t.feed(gen.next(60));
            if (seed % 5 == 0) {
                t.resize(cols - 3 + seed % 7, rows - 2 + seed % 5);
                t.feed(gen.next(10));
            }
            Terminal copy = new Terminal(t.cols(), t.rows());
            copy.feed(t.snapshot(0));
            try {
                Screens.assertSameState(t, copy, "seed " + seed);
            } catch (AssertionError e) {
                failures.add("seed " + seed + Screens.firstDiff(t, copy));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void snapshotWithHistoryRestoresScrollback() {
        for (int seed = 0; seed < 300; seed++) {
            Terminal t = new Terminal(20, 5);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                sb.append("line ").append(i).append(i % 3 == 0 ? " \033[31mred\033[0m 中" : "").append("\r\n");
            }
            t.feed(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            t.feed(new StreamGen(seed, 20, 5).next(10));
            int n = Math.min(seed % 12, t.historySize());
            Terminal copy = new Terminal(20, 5);
            copy.feed(t.snapshot(n));
            Screens.assertSameState(t, copy, "seed " + seed);
            assertThat(copy.historySize()).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                assertThat(copy.historyLine(i)).isEqualTo(t.historyLine(t.historySize() - n + i));
            }
        }
    }

    @Test
    void snapshotIsSmallAndEmitsSgrOnlyOnChange() {
        Terminal t = new Terminal(80, 24);
        t.feed("\033[1;31mred red red\033[0m plain \033[1;31mred\033[0m\r\n".repeat(20).getBytes());
        String snap = new String(t.snapshot(0), java.nio.charset.StandardCharsets.UTF_8);
        // red runs continue across rows: one switch to red per row plus the first
        assertThat(snap.split("\033\\[1;31m", -1)).hasSize(22);
        assertThat(snap).doesNotContain("\033[0m\033[0m");
    }
}
