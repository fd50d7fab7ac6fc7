package dev.ferry.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FuzzTest {
    @Test
    void randomAndMutatedStreamsNeverThrowAndStayBounded() {
        Random r = new Random(42);
        for (int i = 0; i < 300; i++) {
            Terminal t = new Terminal(1 + r.nextInt(60), 1 + r.nextInt(20), 50);
            byte[] base = new StreamGen(i, 40, 10).next(200);
            for (int k = 0; k < base.length / 10; k++) {
                base[r.nextInt(base.length)] = (byte) r.nextInt(256);
            }
            byte[] noise = new byte[2000];
            r.nextBytes(noise);
            int split = r.nextInt(base.length);
            t.feed(base, 0, split);
            t.feed(base, split, base.length - split);
            t.feed(noise);
            if (i % 10 == 0) {
                t.resize(r.nextInt(120), r.nextInt(40));
            }
            assertThat(t.historySize()).isLessThanOrEqualTo(50);
            assertThat(t.cursorX()).isBetween(0, t.cols());
            assertThat(t.cursorY()).isBetween(0, t.rows() - 1);
            Terminal copy = new Terminal(t.cols(), t.rows());
            copy.feed(t.snapshot(10));
            new Renderer(30, 8).render(t.frame(), "status");
        }
    }

    @Test
    void absurdParametersAndSizesAreClamped() {
        Terminal t = new Terminal(0, 100000, -5);
        assertThat(t.cols()).isEqualTo(1);
        assertThat(t.rows()).isEqualTo(1000);
        t = new Terminal(10, 3);
        t.feed("\033[99999999X\033[99999999@\033[99999999b\033[99999999;99999999H\033[99999999L\033[99999999S".getBytes());
        t.feed("\033[99999999999999999999999C".getBytes());
        t.feed(("\033]2;" + "x".repeat(100_000) + "\007").getBytes());
        t.feed(("\033P" + "y".repeat(100_000) + "\033\\ok").getBytes());
        t.feed("\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20;21;22;23;24;25;26m".getBytes());
        assertThat(t.cursorX()).isBetween(0, 10);
        assertThat(t.title()).isEmpty();
        assertThat(t.text().replace("\n", "")).contains("ok");
        t.resize(100000, 0);
        assertThat(t.cols()).isEqualTo(1000);
        assertThat(t.rows()).isEqualTo(1);
    }

    /** 2,000 full 80-column lines of history: the figure the brief bounds at 256 KB. */
    @Test
    void historyOfTwoThousandFullLinesIsCompact() {
        Terminal t = new Terminal(80, 24);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2100; i++) {
            String n = String.valueOf(i);
            sb.append(n).append("x".repeat(80 - n.length()));
        }
        t.feed(sb.toString().getBytes());
        assertThat(t.historySize()).isEqualTo(2000);
        long screen = 24L * (16 + 80 * 4 + 16 + 80 * 8 + 32);
        System.out.println("history footprint " + t.historyFootprint() + " B, screen ~" + screen + " B");
        assertThat(t.historyFootprint() + screen).isLessThan(256 * 1024);
    }
}
