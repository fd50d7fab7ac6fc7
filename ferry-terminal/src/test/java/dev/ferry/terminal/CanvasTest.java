package dev.ferry.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanvasTest {
    private static Frame frame(int cols, int rows, String bytes) {
        Terminal t = new Terminal(cols, rows);
        t.feed(bytes.getBytes(StandardCharsets.UTF_8));
        return t.frame();
    }

    @Test
    void drawsFramesAtOffsetsClippedToTheirArea() {
        Canvas c = new Canvas(10, 3);
        c.draw(frame(6, 2, "abcdef\r\nxy"), 1, 1, 4, 5);
        c.text(0, 0, "│hi", 2, Canvas.DEFAULT, false);
        Frame f = c.frame();
        assertThat(f.text()).isEqualTo("│hi\n abcd\n xy\n");
        assertThat(f.cell(1, 1)).isEqualTo("a");
    }

    @Test
    void keepsStylesAndCutsWideCharactersAtTheEdge() {
        Canvas c = new Canvas(4, 1);
        c.draw(frame(4, 1, "\033[1mab中"), 0, 0, 3, 1);
        Frame f = c.frame();
        assertThat(f.text()).isEqualTo("ab\n");
        // The composed frame renders like any other: bold survives.
        Terminal client = new Terminal(4, 1);
        client.feed(new Renderer(4, 1).render(f, null));
        assertThat(client.ansiText()).contains("\033[1m");
    }

    @Test
    void cursorAndModesComeFromTheCaller() {
        Canvas c = new Canvas(5, 2);
        Modes modes = new Modes(true, false, false, 0, false, false, true);
        c.cursor(9, 1, 2, modes);
        Frame f = c.frame();
        assertThat(f.cursorX()).isEqualTo(4);
        assertThat(f.cursorY()).isEqualTo(1);
        assertThat(f.modes()).isEqualTo(modes);
        assertThat(f.cursorStyle()).isEqualTo(2);
    }
}
