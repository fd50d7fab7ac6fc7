package dev.ferry.terminal;

import static dev.ferry.terminal.Screens.term;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One behaviour per test; expectations were read off tmux 3.3a with the same input (20x5 pane). */
class TerminalFeaturesTest {
    private static String[] rows(Terminal t) {
        return t.text().split("\n", -1);
    }

    @Test
    void cursorMotionIsClampedAndCupIsOneBased() {
        Terminal t = term(20, 5, "\033[3;5HX\033[10AY\033[99CZ\033[2;2H\033[D\033[DW");
        assertThat(rows(t)[0]).isEqualTo("     Y             Z");
        assertThat(rows(t)[1]).isEqualTo("W");
        assertThat(rows(t)[2]).isEqualTo("    X");
    }

    @Test
    void pendingWrapFollowsTmux() {
        Terminal t = term(20, 5, "12345678901234567890");
        assertThat(t.cursorX()).isEqualTo(20);
        t.feed("\033[DX".getBytes());                      // CUB from the pending column lands on the last column
        assertThat(rows(t)[0]).isEqualTo("1234567890123456789X");
        t.feed("Y".getBytes());
        assertThat(rows(t)[1]).isEqualTo("Y");
    }

    @Test
    void backspaceWalksBackOverAWrap() {
        Terminal t = term(20, 5, "1234567890123456789012\b\b\bX");
        assertThat(rows(t)[0]).isEqualTo("1234567890123456789X");
        assertThat(t.cursorX()).isEqualTo(20);
    }

    @Test
    void erasesUseTheCurrentBackground() {
        Terminal t = term(10, 3, "abcdefghij\r\n0123456789\033[1;4H\033[44m\033[K\033[2;3H\033[1K\033[0m");
        assertThat(rows(t)[0]).isEqualTo("abc");
        assertThat(rows(t)[1]).isEqualTo("   3456789");
        // as tmux 3.3a prints it: erased cells inside the written part carry their colour
        assertThat(t.ansiText().split("\n")).startsWith("abc\033[44m", "   \033[49m3456789");
    }

    @Test
    void eraseDisplayPushesTheScreenIntoHistory() {
        Terminal t = term(20, 5, "1\r\n2\r\n3\033[2J");
        assertThat(t.historySize()).isEqualTo(3);
        assertThat(t.text()).isEqualTo("\n\n\n\n\n");
        assertThat(t.cursorY()).isEqualTo(2);
        t.feed("\033[3J".getBytes());
        assertThat(t.historySize()).isZero();
    }

    @Test
    void insertAndDeleteCharactersAndLines() {
        Terminal t = term(20, 5, "abcdef\033[1;3H\033[2@");
        assertThat(rows(t)[0]).isEqualTo("ab  cdef");
        t.feed("\033[3P".getBytes());
        assertThat(rows(t)[0]).isEqualTo("abdef");
        t = term(20, 5, "abc\r\ndef\033[1;3H\033[L");
        assertThat(rows(t)).startsWith("", "abc", "def");
        assertThat(t.cursorX()).isEqualTo(2);
        t.feed("\033[M".getBytes());
        assertThat(rows(t)).startsWith("abc", "def");
    }

    @Test
    void regionScrollSendsItsTopLineToHistoryLikeTmux() {
        Terminal t = term(20, 5, "1\r\n2\r\n3\r\n4\r\n5\033[2;4r\033[4;1H\n\n");
        assertThat(rows(t)).startsWith("1", "4", "", "", "5");
        assertThat(t.historySize()).isEqualTo(2);
        assertThat(t.historyLine(0)).isEqualTo("2");
    }

    @Test
    void originModeAddressesTheRegion() {
        Terminal t = term(20, 5, "\033[2;3r\033[?6h\033[5;5HX\033[HY");
        assertThat(rows(t)).startsWith("", "Y", "    X");
    }

    @Test
    void reverseIndexAtTheTopScrollsDown() {
        Terminal t = term(20, 3, "a\r\nb\033[H\033M");
        assertThat(rows(t)).startsWith("", "a", "b");
    }

    @Test
    void tabsStopsCanBeSetClearedAndWalkedBack() {
        Terminal t = term(30, 3, "\tX\r\033[3g\033[5G\033H\r\tY\033[Z\033[ZZ");
        assertThat(rows(t)[0]).isEqualTo("Z   Y   X");
        t = term(20, 3, "12345678901234567890\tX");
        assertThat(rows(t)[1]).isEqualTo("X");             // no tab past the last column
    }

    @Test
    void alternateScreensRestoreTheMainOne() {
        Terminal t = term(20, 5, "ab\033[?1049hcd\033[3;3H\033[?1049lX");
        assertThat(rows(t)[0]).isEqualTo("abX");
        t = term(20, 5, "ab\033[?47hcd\033[3;3H\033[?47lX");
        assertThat(rows(t)).startsWith("ab", "", "  X");   // 47 keeps the cursor where it is
        t = term(20, 5, "ab\033[?1048hcd\033[3;3H\033[?1048lX");
        assertThat(rows(t)).startsWith("abcd", "", "  X"); // tmux 3.3 ignores 1048
    }

    @Test
    void saveAndRestoreCursorKeepAttributesAndCharsets() {
        Terminal t = term(20, 3, "\033[1m\033(0\0337\033[0m\033(B\033[3;3H\0338q");
        assertThat(t.ansiText().split("\n")[0]).isEqualTo("\033[1m\016q");
        assertThat(t.text().split("\n")[0]).isEqualTo("q");  // capture-pane keeps the ASCII byte
    }

    @Test
    void decSpecialGraphicsIsShownAsBoxDrawingToClients() {
        Terminal t = term(10, 2, "\033(0lqk\033(B x \033)0\016q\017");
        assertThat(rows(t)[0]).isEqualTo("lqk x q");
        Terminal client = new Terminal(10, 2);
        client.feed(new Renderer(10, 2).render(t.frame(), null));
        assertThat(client.text().split("\n")[0]).isEqualTo("┌─┐ x ─");
    }

    @Test
    void sgrForms() {
        Terminal t = term(40, 2, "\033[1;4:3;38:2::1:2:3;48;5;200mA\033[22;24;39;49;7;9;53mB\033[0;91;104mC");
        assertThat(t.ansiText().split("\n")[0]).isEqualTo(
                "\033[1;4:3m\033[38;2;1;2;3m\033[48;5;200mA\033[0;7;9;5:3m\033[39m\033[49mB\033[0m\033[91m\033[104mC");
    }

    @Test
    void captureMatchesTmuxByteForByte() {
        // the exact bytes tmux 3.3a printed for this input with capture-pane -p -e (40x10)
        Terminal t = term(40, 10, "a\033[1mB\033[31mC\033[0mD\033[38;5;100mE\033[48;2;1;2;3mF\033[0m G \033[4mU\033[7mI\033[0m\r\n"
                + "\033[44m    \033[0m\r\n\033[41m  x  \033[K\r\n");
        assertThat(t.ansiText().split("\n", -1)).startsWith(
                "a\033[1mB\033[31mC\033[0m\033[39m\033[49mD\033[38;5;100mE\033[48;2;1;2;3mF\033[39m\033[49m G \033[4mU\033[7mI",
                "\033[0m\033[39m\033[44m",
                "\033[41m  x");
    }

    @Test
    void wideAndCombiningCharactersAsTmuxLaysThemOut() {
        Terminal t = term(20, 3, "a👍|\r\ne\u0301|\r\n\u0301x|");
        assertThat(rows(t)).startsWith("a👍|", "e\u0301|", "x|");
        t = term(20, 3, "a\u2764\uFE0F|");                      // VS16 does not widen in tmux 3.3
        assertThat(t.cursorX()).isEqualTo(3);
        t = term(20, 3, "a👨\u200d👩|");                        // a ZWJ joins the next character into the cell
        assertThat(t.cursorX()).isEqualTo(4);
        t = term(20, 3, "a👍🏻|");                              // skin tone modifiers take their own cell
        assertThat(t.cursorX()).isEqualTo(6);
        t = term(20, 3, "中文字中文字中文字中文字\r\n");       // 24 columns of wide characters wrap whole
        assertThat(rows(t)).startsWith("中文字中文字中文字中", "文字");
    }

    @Test
    void invalidUtf8IsDroppedLikeTmux() {
        Terminal t = new Terminal(20, 3);
        t.feed(new byte[] {'a', 'b', (byte) 0xFF, (byte) 0xC3, '(', (byte) 0xE4, (byte) 0xB8, '|'});
        assertThat(rows(t)[0]).isEqualTo("ab(|");
        t = new Terminal(20, 3);
        byte[] zhong = "中".getBytes(StandardCharsets.UTF_8);
        t.feed(zhong, 0, 1);
        t.feed(zhong, 1, 2);                                    // split across feeds
        assertThat(rows(t)[0]).isEqualTo("中");
    }

    @Test
    void unknownAndMalformedSequencesAreConsumed() {
        Terminal t = term(20, 3, "a\033[?999;1$zb\033[1;2;3;4 xc\033P1;2|payload\033\\d\033]999;x\007e\033Xsos\033\\f\033Zg");
        assertThat(rows(t)[0]).isEqualTo("abcdefg");           // as tmux 3.3a shows it
    }

    @Test
    void titleAndModesAreTracked() {
        Terminal t = term(20, 3, "\033]0;one\007\033]2;two\033\\\033[?1h\033=\033[?2004h\033[?1002h\033[?1006h\033[?1004h\033[?25l\033[4 q");
        assertThat(t.title()).isEqualTo("two");
        assertThat(t.modes()).isEqualTo(new Modes(true, true, true, 1002, true, true, false));
        assertThat(t.frame().cursorStyle()).isEqualTo(4);
        t.feed("\033[?1000l\033>\033[?1l\033c".getBytes());
        assertThat(t.modes()).isEqualTo(new Modes(false, false, false, 0, false, false, true));
        assertThat(t.title()).isEqualTo("two");                 // RIS keeps the title, as tmux does
    }

    @Test
    void repeatRepeatsTheLastAsciiCharacterUpToTheLineEnd() {
        Terminal t = term(20, 3, "ab\033[3b\033[1;19HZ\033[5bQ");
        assertThat(rows(t)).startsWith("abbbb             ZZ", "Q");
    }

    @Test
    void resizeShrinksIntoHistoryAndGrowsBack() {
        Terminal t = term(20, 5, "1\r\n2\r\n3\r\n4\r\n5");
        t.resize(20, 3);
        assertThat(rows(t)).startsWith("3", "4", "5");
        assertThat(t.historySize()).isEqualTo(2);
        t.resize(20, 5);
        assertThat(rows(t)).startsWith("1", "2", "3", "4", "5");
        assertThat(t.historySize()).isZero();
        t = term(20, 5, "1\r\n2\033[H");
        t.resize(20, 2);                                        // rows below the cursor go first
        assertThat(rows(t)).startsWith("1", "2");
        assertThat(t.historySize()).isZero();
    }

    @Test
    void historyIsBoundedAndCompact() {
        Terminal t = new Terminal(80, 24, 100);
        for (int i = 0; i < 1000; i++) {
            t.feed(("line " + i + "\r\n").getBytes());
        }
        assertThat(t.historySize()).isEqualTo(100);
        assertThat(t.historyLine(99)).isEqualTo("line 976");
    }
}
