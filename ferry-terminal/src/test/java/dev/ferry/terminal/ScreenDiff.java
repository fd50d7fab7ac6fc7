package dev.ferry.terminal;

import java.util.ArrayList;
import java.util.List;

/** A row-by-row account of how two captured screens differ, for failure messages. */
final class ScreenDiff {
    private static final int MAX_ROWS = 6;

    private ScreenDiff() {}

    /** Empty when equal; otherwise the first differing rows of both, with control characters made visible. */
    static String describe(String tmux, String ferry) {
        if (tmux.equals(ferry)) {
            return "";
        }
        List<String> expected = rows(tmux);
        List<String> actual = rows(ferry);
        StringBuilder out = new StringBuilder();
        if (expected.size() != actual.size()) {
            out.append("  tmux has ").append(expected.size()).append(" rows, ferry ").append(actual.size()).append('\n');
        }
        if (tmux.endsWith("\n") != ferry.endsWith("\n")) {
            out.append("  tmux ").append(tmux.endsWith("\n") ? "ends" : "does not end")
                    .append(" the last row with a newline, ferry ").append(ferry.endsWith("\n") ? "does" : "does not").append('\n');
        }
        int shown = 0;
        int differing = 0;
        for (int row = 0; row < Math.max(expected.size(), actual.size()); row++) {
            String e = row < expected.size() ? expected.get(row) : null;
            String a = row < actual.size() ? actual.get(row) : null;
            if (e != null && e.equals(a)) {
                continue;
            }
            differing++;
            if (shown++ < MAX_ROWS) {
                out.append("  row ").append(row + 1).append(":\n")
                        .append("    tmux : ").append(e == null ? "(none)" : "«" + visible(e) + "»").append('\n')
                        .append("    ferry: ").append(a == null ? "(none)" : "«" + visible(a) + "»").append('\n');
            }
        }
        if (differing > MAX_ROWS) {
            out.append("  ... ").append(differing - MAX_ROWS).append(" more differing rows\n");
        }
        return out.toString();
    }

    /** Rows as capture-pane prints them: each ends with a newline, which is not part of the row. */
    private static List<String> rows(String screen) {
        List<String> rows = new ArrayList<>(List.of(screen.split("\n", -1)));
        if (screen.endsWith("\n")) {
            rows.removeLast();
        }
        return rows;
    }

    static String visible(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c == 0x1b) {
                out.append("\\e");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
