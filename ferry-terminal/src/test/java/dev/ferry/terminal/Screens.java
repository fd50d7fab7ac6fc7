package dev.ferry.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/** Test helpers. */
final class Screens {
    private Screens() {}

    static String firstDiff(Terminal e, Terminal a) {
        Line[] el = e.screen().lines, al = a.screen().lines;
        for (int y = 0; y < Math.min(el.length, al.length); y++) {
            for (int x = 0; x < Math.min(el[y].cols(), al[y].cols()); x++) {
                if (el[y].cp[x] != al[y].cp[x] || el[y].st[x] != al[y].st[x] || el[y].ul(x) != al[y].ul(x)
                        || !java.util.Objects.equals(el[y].combo(x), al[y].combo(x))) {
                    return " first diff at " + x + "," + y + ": " + el[y].cp[x] + "/" + Long.toHexString(el[y].st[x])
                            + "/" + el[y].combo(x) + " vs " + al[y].cp[x] + "/" + Long.toHexString(al[y].st[x]) + "/" + al[y].combo(x);
                }
            }
        }
        return "";
    }

    static Terminal term(int cols, int rows, String input) {
        Terminal t = new Terminal(cols, rows);
        t.feed(input.getBytes(StandardCharsets.UTF_8));
        return t;
    }

    /** Everything a snapshot must carry over: frame (cells, cursor, modes, title) and hidden state. */
    static void assertSameState(Terminal expected, Terminal actual, String why) {
        assertThat(actual.frame()).as(why + firstDiff(expected, actual)).isEqualTo(expected.frame());
        Screen e = expected.screen(), a = actual.screen();
        assertThat(a.style).as(why + " style").isEqualTo(e.style);
        assertThat(a.ul).as(why + " underline colour").isEqualTo(e.ul);
        assertThat(new int[] {a.top, a.bottom, a.g0, a.g1, a.shift}).as(why + " region/charsets")
                .containsExactly(e.top, e.bottom, e.g0, e.g1, e.shift);
        assertThat(new boolean[] {a.wrap, a.insert, a.origin, a.onAlt()}).as(why + " modes")
                .containsExactly(e.wrap, e.insert, e.origin, e.onAlt());
        assertThat(a.tabs).as(why + " tabs").isEqualTo(e.tabs);
    }
}
