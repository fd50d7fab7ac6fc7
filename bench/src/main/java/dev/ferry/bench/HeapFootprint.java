package dev.ferry.bench;

import dev.ferry.terminal.Terminal;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap held by one 80x24 terminal with its 2,000 lines of history full of 80-column lines, as
 * written and compacted (deflated, as the relay keeps a quiet session's), measured two ways: JOL's walk of the object graph (exact, for one terminal), and the used-heap delta of
 * {@value #COUNT} such terminals after full GCs, divided by {@value #COUNT} (a cross-check that
 * includes what JOL cannot see, e.g. allocation slack). Run: {@code bench/jmh --heap}.
 */
public final class HeapFootprint {
    static final int COUNT = 200;

    private HeapFootprint() {}

    public static void main(String[] args) {
        for (String variant : new String[] {"plain", "coloured", "plain compacted", "coloured compacted"}) {
            String kind = variant.split(" ")[0];
            boolean compact = variant.endsWith("compacted");
            byte[] output = output(kind);
            Terminal one = filled(output, compact);
            long jol = GraphLayout.parseInstance(one).totalSize();
            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            long before = usedAfterGc(mem);
            Terminal[] all = new Terminal[COUNT];
            for (int i = 0; i < COUNT; i++) {
                all[i] = filled(output, compact);
            }
            long after = usedAfterGc(mem);
            System.out.printf("%-18s history %d lines: JOL %,d B; heap delta %,d B per terminal (of %d); history arrays ~%,d B%n",
                    variant, one.historySize(), jol, (after - before) / COUNT, COUNT, one.historyFootprint());
            if (all[COUNT - 1].historySize() != one.historySize()) {
                throw new AssertionError("terminals differ");
            }
        }
    }

    /** 2,024 lines of 80 columns: enough to fill the screen and the 2,000-line history. */
    private static byte[] output(String kind) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Terminal.DEFAULT_HISTORY + 24; i++) {
            String n = String.format("%06d", i);
            if (kind.equals("plain")) {
                sb.append(("-rw-r--r-- 1 root root 12345 Nov 22 01:00 file-" + n + " ").repeat(2), 0, 80);
            } else {
                // an ls --color line: plain metadata, then a coloured name, padded to 80 columns
                String meta = "drwxr-xr-x 2 root root  4096 Nov 22 01:00 ";
                sb.append(meta).append("\033[01;34m").append(("directory-" + n + "-").repeat(3), 0, 80 - meta.length())
                        .append("\033[0m");
            }
            sb.append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Compacted: as the relay keeps the scrollback of a session that went quiet. */
    private static Terminal filled(byte[] output, boolean compact) {
        Terminal t = new Terminal(80, 24);
        t.feed(output);
        if (compact) t.compactHistory();
        return t;
    }

    private static long usedAfterGc(MemoryMXBean mem) {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return mem.getHeapMemoryUsage().getUsed();
    }
}
