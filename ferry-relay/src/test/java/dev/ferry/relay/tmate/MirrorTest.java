package dev.ferry.relay.tmate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.terminal.Frame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MirrorTest {
    @Test
    void composesTheCurrentWindowWithBordersAndAStatusLine() {
        Mirror m = new Mirror();
        // As captured from tmate 2.4: window 1 split -h at 21x4, pane 2 active.
        m.layout(new Layout(21, 4, List.of(
                new Layout.Window(0, "bash", List.of(new Layout.Pane(0, 21, 4, 0, 0)), 0),
                new Layout.Window(1, "vim", List.of(new Layout.Pane(1, 10, 4, 0, 0), new Layout.Pane(2, 10, 4, 11, 0)), 2)), 1));
        m.output(1, "left".getBytes(StandardCharsets.UTF_8));
        m.output(2, "right\r\nab".getBytes(StandardCharsets.UTF_8));
        m.output(0, "hidden".getBytes(StandardCharsets.UTF_8));
        m.status("[0] ", "host");
        Frame f = m.compose();
        assertThat(f.cols()).isEqualTo(21);
        assertThat(f.rows()).isEqualTo(5);
        assertThat(f.text()).isEqualTo("""
                left      │right
                          │ab
                          │
                          │
                [0] 0:bash 1:vim*
                """);
        assertThat(f.cursorX()).isEqualTo(13);
        assertThat(f.cursorY()).isEqualTo(1);
        assertThat(f.text()).doesNotContain("hidden");
    }

    @Test
    void copyModeTextShowsInThePaneUntilItLeaves() {
        Mirror m = new Mirror();
        m.layout(new Layout(30, 3, List.of(new Layout.Window(0, "bash", List.of(new Layout.Pane(0, 30, 3, 0, 0)), 0)), 0));
        m.output(0, "$ ".getBytes(StandardCharsets.UTF_8));
        m.copyMode(0, Mirror.CopyView.TEXT);
        m.copyLine(0, "Tip: one");
        m.copyLine(0, "Tip: two");
        assertThat(m.compose().text()).startsWith("Tip: one\nTip: two\n");
        m.copyMode(0, null);
        assertThat(m.compose().text()).startsWith("$\n");
    }

    @Test
    void copyModeOverHistoryShowsTheScrolledViewWithTheCopyCursorAndPosition() {
        Mirror m = new Mirror();
        m.layout(new Layout(20, 3, List.of(new Layout.Window(0, "bash", List.of(new Layout.Pane(0, 20, 3, 0, 0)), 0)), 0));
        m.output(0, "l1\r\nl2\r\nl3\r\nl4\r\nl5".getBytes(StandardCharsets.UTF_8));
        assertThat(m.compose().text()).startsWith("l3\nl4\nl5\n");
        m.copyMode(0, new Mirror.CopyView(true, 2, 1, 0));
        Frame f = m.compose();
        assertThat(f.text()).startsWith("l1             [2/2]\nl2\nl3\n");
        assertThat(f.cursorX()).isEqualTo(1);
        assertThat(f.cursorY()).isEqualTo(0);
        m.copyMode(0, null);
        assertThat(m.compose().text()).startsWith("l3\nl4\nl5\n");
    }

    @Test
    void statusStylesAreStripped() {
        assertThat(Mirror.stripStyles("#[fg=red]x##y\u001b")).isEqualTo("x#y");
    }

    @Test
    void aCompactedMirrorComposesTheSameCopyModeViewOverItsHistory() {
        Mirror m = new Mirror();
        m.layout(new Layout(30, 3, List.of(new Layout.Window(0, "bash", List.of(new Layout.Pane(0, 30, 3, 0, 0)), 0)), 0));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            lines.append("line ").append(i).append(i % 5 == 0 ? " \033[1;31mred\033[m" : "").append("\r\n");
        }
        m.output(0, lines.toString().getBytes(StandardCharsets.UTF_8));
        m.copyMode(0, new Mirror.CopyView(true, 300, 2, 1));
        Frame before = m.compose();
        assertThat(before.text()).startsWith("line 298").contains("[300/598]");

        m.compactHistory();
        assertThat(m.historyCompacted()).isTrue();
        Frame after = m.compose();
        assertThat(after.text()).isEqualTo(before.text());
        assertThat(m.historyCompacted()).as("the view read a deflated block").isFalse();
    }
}
