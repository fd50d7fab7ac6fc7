package dev.ferry.terminal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the escape sequences snapshots and renders write. */
final class Out {
    private byte[] buf = new byte[1024];
    private int len;

    int length() { return len; }

    byte[] toByteArray() { return Arrays.copyOf(buf, len); }

    Out b(int c) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len++] = (byte) c;
        return this;
    }

    Out s(String str) {
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            if (c < 0x80) {
                b(c);
            } else {
                byte[] u = str.substring(i, i + 1 + (Character.isHighSurrogate(c) && i + 1 < str.length() ? 1 : 0))
                        .getBytes(StandardCharsets.UTF_8);
                for (byte x : u) {
                    b(x);
                }
                if (Character.isHighSurrogate(c)) {
                    i++;
                }
            }
        }
        return this;
    }

    Out cp(int codepoint) {
        if (codepoint < 0x80) {
            return b(codepoint);
        }
        if (codepoint < 0x800) {
            return b(0xC0 | codepoint >> 6).b(0x80 | codepoint & 0x3F);
        }
        if (codepoint < 0x10000) {
            return b(0xE0 | codepoint >> 12).b(0x80 | codepoint >> 6 & 0x3F).b(0x80 | codepoint & 0x3F);
        }
        return b(0xF0 | codepoint >> 18).b(0x80 | codepoint >> 12 & 0x3F).b(0x80 | codepoint >> 6 & 0x3F)
                .b(0x80 | codepoint & 0x3F);
    }

    Out num(int n) {
        if (n >= 10) {
            num(n / 10);
        }
        return b('0' + n % 10);
    }

    Out csi() { return b(0x1B).b('['); }

    /** CUP to zero-based (x, y). */
    Out moveTo(int x, int y) {
        csi();
        if (y > 0) {
            num(y + 1);
        }
        if (x > 0) {
            b(';').num(x + 1);
        }
        return b('H');
    }

    Out mode(int n, boolean on) { return csi().b('?').num(n).b(on ? 'h' : 'l'); }

    /**
     * The SGR that turns style {@code from} (underline colour {@code fromUl}) into {@code to}
     * ({@code toUl}); nothing when equal. Charset bit is not SGR.
     */
    Out sgr(long from, int fromUl, long to, int toUl) {
        from &= ~Style.CHARSET;
        to &= ~Style.CHARSET;
        if (from == to && fromUl == toUl) {
            return this;
        }
        csi();
        boolean first = true;
        long flags = ~((Style.COLOUR_MASK) | Style.BG_MASK | Style.CHARSET);
        boolean removed = ((from & flags) & ~(to & flags)) != 0
                || (Style.underline(from) != 0 && Style.underline(to) != Style.underline(from))
                || (fromUl != 0 && toUl == 0);
        if (removed) {
            b('0');
            first = false;
            from = Style.DEFAULT;
            fromUl = 0;
        }
        first = flag(from, to, Style.BOLD, "1", first);
        first = flag(from, to, Style.DIM, "2", first);
        first = flag(from, to, Style.ITALIC, "3", first);
        if (Style.underline(to) != Style.underline(from)) {
            first = sep(first);
            int u = Style.underline(to);
            s(u == 1 ? "4" : "4:" + u);
        }
        first = flag(from, to, Style.BLINK, "5", first);
        first = flag(from, to, Style.INVERSE, "7", first);
        first = flag(from, to, Style.HIDDEN, "8", first);
        first = flag(from, to, Style.STRIKE, "9", first);
        first = flag(from, to, Style.OVERLINE, "53", first);
        if (Style.fg(from) != Style.fg(to)) {
            first = sep(first);
            colour(Style.fg(to), 30);
        }
        if (Style.bg(from) != Style.bg(to)) {
            first = sep(first);
            colour(Style.bg(to), 40);
        }
        if (fromUl != toUl) {
            sep(first);
            colour(toUl, 50);
        }
        return b('m');
    }

    private boolean flag(long from, long to, long mask, String code, boolean first) {
        if ((to & mask) != 0 && (from & mask) == 0) {
            first = sep(first);
            s(code);
        }
        return first;
    }

    private boolean sep(boolean first) {
        if (!first) {
            b(';');
        }
        return false;
    }

    private void colour(int c, int base) {
        StringBuilder sb = new StringBuilder(16);
        Capture.appendColour(sb, c, base);
        s(sb.toString());
    }
}
