package dev.ferry.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnapshotPropertyTest {
    @Test
    void snapshotRebuildsTheScreenInAFreshTerminal() {
        for (int seed = 0; seed < 2000; seed++) {
            int cols = 10 + seed % 30, rows = 3 + seed % 9;
            Terminal t = new Terminal(cols, rows);
            t.feed(new StreamGen(seed, cols, rows).next(60));
            Terminal copy = new Terminal(cols, rows);
            copy.feed(t.snapshot(0));
            Screens.assertSameState(t, copy, "seed " + seed);
        }
    }

    @Test
    void snapshotWithHistoryRestoresScrollback() {
        for (int seed = 0; seed < 300; seed++) {
            Terminal t = new Terminal(20, 5);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                sb.append("line ").append(i).append(i % 3 == 0 ? " \033[31mred\033[0m" : "").append("\r\n");
            }
            t.feed(sb.toString().getBytes());
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
}
