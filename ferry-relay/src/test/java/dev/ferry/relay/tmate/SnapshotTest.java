package dev.ferry.relay.tmate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.terminal.Terminal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotTest {
    private static final long DEFAULT = 2056;   // bg 8, fg 8: what tmate sends for a plain cell

    private static List<Object> line(String text, long... cells) {
        List<Object> words = new ArrayList<>();
        for (long c : cells) words.add(c);
        return List.of(text.getBytes(StandardCharsets.UTF_8), words);
    }

    private static List<Object> plain(String text) {
        long[] cells = new long[text.codePointCount(0, text.length())];
        Arrays.fill(cells, DEFAULT);
        return line(text, cells);
    }

    private static Terminal rebuild(int cols, int rows, List<?> pane) throws Exception {
        HostMessage m = HostMessage.of(List.of(11L, List.of(pane)));
        Map<Integer, byte[]> out = Snapshot.decode(m, Map.of(3, new Layout.Pane(3, cols, rows, 0, 0)));
        Terminal t = new Terminal(cols, rows);
        t.feed(out.get(3));
        return t;
    }

    @Test
    void historyAndVisibleLinesLandWhereTheyWereWithTheCursor() throws Exception {
        List<Object> lines = List.of(plain("old-1"), plain("old-2"), plain("$ echo hi"), plain("hi"), plain("$ "));
        Terminal t = rebuild(20, 3, Arrays.asList(3L, 1041L, List.of(2L, 2L, lines), nil()));
        assertThat(t.text().lines().toList()).containsExactly("$ echo hi", "hi", "$");
        assertThat(t.historySize()).isEqualTo(2);
        assertThat(t.historyLine(0)).startsWith("old-1");
        assertThat(t.cursorX()).isEqualTo(2);
        assertThat(t.cursorY()).isEqualTo(2);
    }

    @Test
    void coloursAttributesAndWideCharactersSurvive() throws Exception {
        long red = 1, bold = 1L << 16, padding = 4L << 24;
        List<Object> l = line("a界b", red | (8L << 8) | bold, DEFAULT, DEFAULT | padding, DEFAULT);
        Terminal t = rebuild(10, 1, Arrays.asList(3L, 1041L, List.of(4L, 0L, List.of(l)), nil()));
        assertThat(t.text().strip()).isEqualTo("a界b");
        assertThat(t.ansiText()).contains("\033[1m\033[31ma");
    }

    @Test
    void anAlternateScreenKeepsTheNormalScreenUnderIt() throws Exception {
        List<Object> normal = List.of(plain("$ vim"), plain(""));
        List<Object> alt = List.of(plain("~ editing"), plain("~"));
        Terminal t = rebuild(20, 2, Arrays.asList(3L, 1041L, List.of(0L, 0L, alt), List.of(0L, 1L, normal)));
        assertThat(t.text()).contains("~ editing").doesNotContain("$ vim");
        t.feed("\033[?1049l".getBytes(StandardCharsets.US_ASCII));
        assertThat(t.text()).contains("$ vim");
    }

    @Test
    void linesWiderThanThePaneAreClippedNotWrapped() throws Exception {
        Terminal t = rebuild(4, 2, Arrays.asList(3L, 1041L, List.of(0L, 1L, List.of(plain("abcdefgh"), plain("x"))), nil()));
        assertThat(t.text().lines().toList()).containsExactly("abcd", "x");
    }

    @Test
    void malformedSnapshotsAreRefused() {
        assertThatThrownBy(() -> rebuild(4, 2, Arrays.asList(3L, 1041L, List.of(0L, 0L, List.of(List.of("x".getBytes(), List.of("no")))), nil())))
                .isInstanceOf(MsgpackReader.MalformedException.class);
        assertThatThrownBy(() -> rebuild(4, 2, Arrays.asList(3L, 1041L, "not a grid".getBytes(), nil())))
                .isInstanceOf(MsgpackReader.MalformedException.class);
    }

    private static Object nil() {
        return null;
    }
}
