package dev.ferry.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineCodecTest {
    private final LineCodec codec = new LineCodec();

    private Line roundTrip(Line l) {
        return codec.decode(codec.encode(l), l.cols());
    }

    private static Line line(String input, int cols) {
        Terminal t = new Terminal(cols, 2, 0);
        t.feed(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return t.screen().lines[0];
    }

    @Test
    void everyFormatRoundTrips() {
        String[] inputs = {"", "plain ascii", "\033[1;31mred\033[0m text", "中文 e\u0301 👍", "a\033[44m   \033[K",
            "\033[4h\033[1@x", "  spaces  ", "\033(0lqk\033(B", "x\033[5G\033[X",
            "\033[4;58;5;33mul\033[59m plain", "\033[58:2::1:2:3m中 x", "\033[58;2;0;0;0m   "};
        for (String in : inputs) {
            Line l = line(in, 30);
            Line back = roundTrip(l);
            assertThat(back.sameCells(l)).as(in).isTrue();
            assertThat(back.used).as(in + " used").isEqualTo(l.used);
            assertThat(back.wrapped).isEqualTo(l.wrapped);
        }
    }

    @Test
    void underlineColoursSurviveHistory() {
        Terminal t = new Terminal(20, 2);
        t.feed("\033[4;58;2;255;0;0mred-ul\033[59mplain\r\n\r\n\r\n".getBytes());
        Line back = t.screen().history.get(0, 20);
        assertThat(back.ul(0)).isEqualTo(Style.rgb(255, 0, 0));
        assertThat(back.ul(6)).isZero();
        assertThat(Capture.text(new Line[] {back}, true))
                .startsWith("\033[4m\033[58;2;255;0;0mred-ul\033[0;4m\033[39m\033[49mplain");
    }

    @Test
    void plainLinesCostTheirTextPlusOneByte() {
        assertThat(codec.encode(line("hello world", 80))).hasSize(12);
        assertThat(codec.encode(line("", 80))).hasSize(1);
    }
}
