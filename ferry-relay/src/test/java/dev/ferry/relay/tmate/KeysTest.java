package dev.ferry.relay.tmate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysTest {
    private static List<Long> keys(String s) {
        return Keys.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void charactersAreCodePoints() {
        assertThat(keys("aé€\r\u007f")).containsExactly((long) 'a', 0xe9L, 0x20acL, 13L, 127L);
    }

    @Test
    void specialKeysAreTmuxKeyCodes() {
        assertThat(keys("\033[A\033OB\033[C\033[D")).containsExactly(Keys.UP, Keys.DOWN, Keys.RIGHT, Keys.LEFT);
        assertThat(keys("\033[5~\033[6~\033[3~\033[H\033[4~\033OP\033[24~\033[Z"))
                .containsExactly(Keys.PAGE_UP, Keys.PAGE_DOWN, Keys.DELETE, Keys.HOME, Keys.END, Keys.F1, Keys.F1 + 11, Keys.BACK_TAB);
        assertThat(keys("\033[1;5C")).containsExactly(Keys.RIGHT | Keys.CTRL);
        assertThat(keys("\033x")).containsExactly(Keys.META | 'x');
    }

    @Test
    void aLoneOrUnknownEscapeGoesByteByByte() {
        assertThat(keys("\033")).containsExactly(27L);
        assertThat(keys("\033[99X")).containsExactly(27L, (long) '[', (long) '9', (long) '9', (long) 'X');
        assertThat(Keys.parse(new byte[] {(byte) 0xc3})).containsExactly(0xc3L);
    }

    @Test
    void thePrefixTurnsKeysIntoHostCommands() {
        Prefix p = new Prefix();
        assertThat(p.key('a')).isNull();
        assertThat(p.key(2)).isEmpty();
        assertThat(p.key('%')).containsExactly("split-window", "-h");
        assertThat(p.key(2)).isEmpty();
        assertThat(p.key('1')).containsExactly("select-window", "-t", ":1");
        assertThat(p.key(2)).isEmpty();
        assertThat(p.key(2)).isNull();       // prefix twice: the key itself goes to the pane
        p.hostCommand(List.of("set-option", "-g", "prefix", "C-a"));
        assertThat(p.key(2)).isNull();
        assertThat(p.key(1)).isEmpty();
        assertThat(p.key(Keys.LEFT)).containsExactly("select-pane", "-L");
    }
}
