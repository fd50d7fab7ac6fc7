package dev.ferry.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameTest {
    @Test
    void framesNeverChangeAfterwards() {
        for (int seed = 0; seed < 300; seed++) {
            Terminal t = new Terminal(25, 6);
            StreamGen gen = new StreamGen(seed, 25, 6);
            t.feed(gen.next(30));
            Frame before = t.frame();
            String text = before.text();
            String dump = before.toString();
            t.feed(gen.next(30));
            if (seed % 4 == 0) {
                t.resize(18 + seed % 20, 4 + seed % 5);
            }
            assertThat(before.text()).as("seed " + seed).isEqualTo(text);
            assertThat(before.toString()).as("seed " + seed).isEqualTo(dump);
        }
    }

    @Test
    void equalScreensGiveEqualFrames() {
        Terminal a = Screens.term(20, 4, "\033[1mhi\033[0m 中\r\n\033]2;t\007");
        Terminal b = Screens.term(20, 4, "\033[1mh\033[0m\033[D\033[1mhi\033[0m 中\r\n\033]2;t\007");
        assertThat(a.frame()).isEqualTo(b.frame()).hasSameHashCodeAs(b.frame());
        b.feed("\033[?25l".getBytes());
        assertThat(a.frame()).isNotEqualTo(b.frame());
        assertThat(a.frame().cursorX()).isZero();
        assertThat(a.frame().cursorY()).isEqualTo(1);
        assertThat(a.frame().cell(3, 0)).isEqualTo("中");
        assertThat(a.frame().cell(4, 0)).isEmpty();
    }
}
