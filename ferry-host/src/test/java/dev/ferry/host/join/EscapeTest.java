package dev.ferry.host.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EscapeTest {
    private static Escape.Result feed(Escape e, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return e.filter(b, b.length);
    }

    private static String sent(Escape.Result r) {
        return new String(r.send(), StandardCharsets.UTF_8);
    }

    @Test
    void tildeDotAfterEnterDetaches() {
        Escape e = new Escape();
        Escape.Result r = feed(e, "ls\r~.rest");
        assertThat(r.detach()).isTrue();
        assertThat(sent(r)).isEqualTo("ls\r");
    }

    @Test
    void tildeDotAtTheVeryStartDetaches() {
        assertThat(feed(new Escape(), "~.").detach()).isTrue();
    }

    @Test
    void escapeSplitOverReadsStillDetaches() {
        Escape e = new Escape();
        assertThat(sent(feed(e, "x\r"))).isEqualTo("x\r");
        Escape.Result tilde = feed(e, "~");
        assertThat(tilde.detach()).isFalse();
        assertThat(sent(tilde)).isEmpty();
        assertThat(feed(e, ".").detach()).isTrue();
    }

    @Test
    void tildeInsideALineIsTyped() {
        Escape.Result r = feed(new Escape(), "cd ~.\r");
        assertThat(r.detach()).isFalse();
        assertThat(sent(r)).isEqualTo("cd ~.\r");
    }

    @Test
    void doubleTildeSendsOneAndOtherKeysFollowTheTilde() {
        Escape e = new Escape();
        assertThat(sent(feed(e, "~~."))).isEqualTo("~.");
        Escape f = new Escape();
        Escape.Result r = feed(f, "~a");
        assertThat(r.detach()).isFalse();
        assertThat(sent(r)).isEqualTo("~a");
    }
}
