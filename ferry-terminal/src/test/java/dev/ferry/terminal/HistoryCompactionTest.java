package dev.ferry.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A compacted scrollback reads exactly like one that never was, whatever comes after. */
class HistoryCompactionTest {
    @Test
    void aTerminalCompactedAtRandomPointsMatchesOneThatNeverWas() {
        List<String> failures = new ArrayList<>();
        for (int seed = 0; seed < 400; seed++) {
            Random r = new Random(seed);
            int cols = 12 + seed % 30, rows = 3 + seed % 8;
            int limit = seed % 4 == 0 ? 40 : 300;   // 300: several blocks, the oldest dropped line by line
            Terminal plain = new Terminal(cols, rows, limit), compacted = new Terminal(cols, rows, limit);
            StreamGen gen = new StreamGen(seed, cols, rows);
            for (int step = 0; step < 12; step++) {
                byte[] chunk = r.nextInt(3) == 0 ? lines(r, r.nextInt(200)) : gen.next(20);
                plain.feed(chunk);
                compacted.feed(chunk);
                if (r.nextInt(3) == 0) {
                    int c = Math.max(5, cols - 4 + r.nextInt(9)), h = Math.max(2, rows - 2 + r.nextInt(5));
                    plain.resize(c, h);
                    compacted.resize(c, h);
                }
                if (r.nextBoolean()) {
                    compacted.compactHistory();
                    assertThat(compacted.historyCompacted()).isTrue();
                }
                String why = "seed " + seed + " step " + step;
                try {
                    Screens.assertSameState(plain, compacted, why);
                    assertThat(compacted.historySize()).as(why).isEqualTo(plain.historySize());
                    for (int i = 0; i < plain.historySize(); i++) {
                        assertThat(compacted.historyLine(i)).as(why + " line " + i).isEqualTo(plain.historyLine(i));
                    }
                    assertThat(compacted.snapshot(limit)).as(why).isEqualTo(plain.snapshot(limit));
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                    break;
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aFullHistoryShrinksSeveralTimesAndReadingItKeepsOneBlockUntilTheNextCompaction() {
        Terminal t = new Terminal(80, 24);
        t.feed(lsLines(2100));
        long before = t.historyFootprint();
        String first = t.historyLine(0), second = t.historyLine(1), last = t.historyLine(1999);
        assertThat(t.historyCompacted()).isFalse();

        t.compactHistory();
        long after = t.historyFootprint();
        System.out.printf("2,000 lines of ls -l: %,d bytes as lines, %,d compacted (%.1fx)%n", before, after, (double) before / after);
        assertThat(after).isLessThan(before / 4);
        assertThat(t.historyCompacted()).isTrue();
        assertThat(t.historyLine(0)).isEqualTo(first).contains("-rw-r--r-- 1 user staff");
        assertThat(t.historyLine(1999)).isEqualTo(last);

        assertThat(t.historyCompacted()).isFalse();   // the block just read stays inflated...
        t.compactHistory();
        assertThat(t.historyFootprint()).isEqualTo(after);   // ...until the next compaction
        t.feed("one more\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(t.historyCompacted()).isFalse();
        assertThat(t.historySize()).isEqualTo(2000);
        assertThat(t.historyLine(0)).isEqualTo(second);
    }

    private static byte[] lines(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(r.nextInt(5) == 0 ? "\033[1;3" + r.nextInt(8) + "m" : "").append("line ").append(r.nextInt(100_000))
                    .append(r.nextInt(4) == 0 ? " 中文 wide" : "").append(r.nextInt(6) == 0 ? "\033[m" : "")
                    .append(" x".repeat(r.nextInt(30))).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Like a long ls -l, every tenth line coloured (the benchmark's idle sessions hold the same). */
    static byte[] lsLines(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i % 10 == 0 ? "\033[1;34m" : "").append(String.format("%05d", i)).append(i % 10 == 0 ? "\033[m" : "")
                    .append(" -rw-r--r-- 1 user staff ").append(String.format("%8d", i * 7919 % 10_000_000))
                    .append(" Nov 22 01:00 some/path/to/a/file-").append(i).append(".txt\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
