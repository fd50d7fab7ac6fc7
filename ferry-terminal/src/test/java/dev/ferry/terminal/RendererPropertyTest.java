package dev.ferry.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RendererPropertyTest {
    /** The client's screen after render must equal the frame's crop (wide halves at the edge as blanks) plus status. */
    @Test
    void renderBringsAClientUpToDateAtAnySize() {
        int[][] sizes = {{20, 6}, {12, 4}, {30, 10}, {20, 7}};
        for (int seed = 0; seed < 400; seed++) {
            int[] size = sizes[seed % sizes.length];
            boolean status = seed % 3 == 0;
            Terminal host = new Terminal(20, 6);
            Renderer renderer = new Renderer(size[0], size[1]);
            Terminal client = new Terminal(size[0], size[1], 0);
            StreamGen gen = new StreamGen(seed, 20, 6);
            for (int step = 0; step < 6; step++) {
                host.feed(gen.next(8));
                Frame f = host.frame();
                String line = status ? "[ferry] view " + step : null;
                client.feed(renderer.render(f, line));
                check(f, client, size[0], size[1], line, "seed " + seed + " step " + step);
            }
            assertThat(renderer.render(host.frame(), status ? "[ferry] view 5" : null)).as("nothing changed").isEmpty();
        }
    }

    @Test
    void clientResizeAndInvalidateRedrawEverything() {
        Terminal host = new Terminal(30, 8);
        host.feed(new StreamGen(7, 30, 8).next(60));
        Renderer renderer = new Renderer(30, 8);
        Terminal client = new Terminal(30, 8, 0);
        client.feed(renderer.render(host.frame(), null));
        check(host.frame(), client, 30, 8, null, "initial");
        renderer.resize(20, 5);
        client = new Terminal(20, 5, 0);
        client.feed("garbage the client had".getBytes());
        client.feed(renderer.render(host.frame(), "[ferry] view cropped to 20x4 of 30x8"));
        check(host.frame(), client, 20, 5, "[ferry] view cropped to 20x4 of 30x8", "resized");
        renderer.invalidate();
        client.feed("\033[2Jmore garbage".getBytes());
        client.feed(renderer.render(host.frame(), "[ferry] view cropped to 20x4 of 30x8"));
        check(host.frame(), client, 20, 5, "[ferry] view cropped to 20x4 of 30x8", "invalidated");
    }

    @Test
    void aOneCellChangeSendsAFewBytes() {
        Terminal host = new Terminal(80, 24);
        host.feed("\033[1;31mhello\033[0m world\r\n$ ".getBytes());
        Renderer renderer = new Renderer(80, 24);
        renderer.render(host.frame(), null);
        host.feed("l".getBytes());
        byte[] out = renderer.render(host.frame(), null);
        // the client's cursor already sits on the changed cell: just the character
        assertThat(new String(out)).isEqualTo("l");
        host.feed("\033[1;1Hj".getBytes());
        assertThat(new String(renderer.render(host.frame(), null))).isEqualTo("\033[Hj");
    }

    private static void check(Frame f, Terminal client, int cols, int rows, String status, String why) {
        int viewRows = status != null ? rows - 1 : rows;
        int visRows = Math.min(viewRows, f.rows()), visCols = Math.min(cols, f.cols());
        int cx = Math.min(f.cursorX(), f.cols() - 1);
        int offY = visRows >= f.rows() ? 0 : Math.max(0, Math.min(f.cursorY() - visRows + 1, f.rows() - visRows));
        int offX = visCols >= f.cols() ? 0 : Math.max(0, Math.min(cx - visCols + 1, f.cols() - visCols));
        Line[] shown = client.screen().lines;
        for (int y = 0; y < visRows; y++) {
            Line src = f.lines[y + offY];
            for (int x = 0; x < visCols; x++) {
                int c = src.cp[x + offX];
                String want;
                if (c == Line.PAD) {
                    want = x > 0 && src.isWide(x + offX - 1) ? "" : " ";
                } else if (src.isWide(x + offX) && x == visCols - 1 || c >= 0x80 && CharWidth.of(c) == 2 && !src.isWide(x + offX)) {
                    want = " ";
                } else if ((src.st[x + offX] & Style.CHARSET) != 0) {
                    want = Character.toString(Charsets.graphics(c));
                } else {
                    String shownText = Renderer.clientText(src.combo(x + offX));
                    want = shownText != null ? shownText : Character.toString(c);
                }
                assertThat(shown[y].text(x)).as(why + " cell " + x + "," + y).isEqualTo(want);
                assertThat(shown[y].st[x] & ~Style.CHARSET).as(why + " style " + x + "," + y)
                        .isEqualTo(src.st[x + offX] & ~Style.CHARSET);
            }
            for (int x = visCols; x < cols; x++) {
                assertThat(shown[y].text(x)).as(why + " pad " + x + "," + y).isEqualTo(" ");
            }
        }
        if (status != null) {
            assertThat(client.text().split("\n", -1)[rows - 1]).as(why).isEqualTo(status.substring(0, Math.min(cols, status.length())).stripTrailing());
        }
        assertThat(client.modes()).as(why).isEqualTo(f.modes());
        assertThat(client.title()).as(why).isEqualTo(f.title());
        assertThat(client.cursorY()).as(why + " cursor y").isEqualTo(Math.min(f.cursorY() - offY, rows - 1));
    }
}
