package dev.ferry.protocol.asciicast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for asciicast lines, so that ferry-protocol stays free of dependencies.
 * The parser works on one line that the reader has already bounded in length, and bounds nesting depth;
 * it yields {@code Map}, {@code List}, {@code String}, {@code Double} (every number), {@code Boolean} or null.
 */
final class Json {
    static final int MAX_DEPTH = 32;

    private final String s;
    private int pos;

    private Json(String s) {
        this.s = s;
    }

    /** Parses one complete JSON value; anything but whitespace after it is an error. */
    static Object parse(String text) {
        Json p = new Json(text);
        p.skipSpace();
        Object value = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the value");
        }
        return value;
    }

    /**
     * Appends {@code value} as a JSON string. Control characters (C0, DEL, C1), the JavaScript line separators and
     * anything that is not printable in a terminal are escaped; lone surrogates, which UTF-8 cannot carry, become U+FFFD.
     */
    static void quote(String value, StringBuilder out) {
        out.append('"');
        int start = 0;  // printable ASCII (nearly all of a terminal's output) is copied in runs, not char by char
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') continue;
            out.append(value, start, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        hex(c, out);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
            start = i + 1;
        }
        out.append(value, start, value.length());
        out.append('"');
    }

    /**
     * Exactly {@link #quote}'s text, written as UTF-8 to {@code out} through a small buffer: the
     * recorder's hot path (every output byte of every session), which a StringBuilder, its String
     * and the String's bytes made about a fifth of the relay's CPU at full speed.
     */
    @SuppressWarnings("deprecation")
    static void quoteUtf8(String value, java.io.OutputStream out) throws java.io.IOException {
        int len = value.length();
        byte[] b = new byte[Math.min(8192, 6 * len + 16)];
        int n = 0;
        b[n++] = '"';
        for (int i = 0; i < len; i++) {
            if (n > b.length - 12) {
                out.write(b, 0, n);
                n = 0;
            }
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                if (c == '"' || c == '\\') {
                    b[n++] = '\\';
                    b[n++] = (byte) c;
                    continue;
                }
                // A run of plain ASCII (nearly all of a terminal's output): found by a tight loop, copied at once.
                int end = i + 1, limit = Math.min(len, i + b.length - 6 - n);
                while (end < limit) {
                    char d = value.charAt(end);
                    if (d < 0x20 || d >= 0x7f || d == '"' || d == '\\') break;
                    end++;
                }
                value.getBytes(i, end, b, n);  // deprecated because it drops high bytes; ASCII has none
                n += end - i;
                i = end - 1;
                continue;
            }
            switch (c) {
                case '\n' -> n = escape('n', b, n);
                case '\r' -> n = escape('r', b, n);
                case '\t' -> n = escape('t', b, n);
                case '\b' -> n = escape('b', b, n);
                case '\f' -> n = escape('f', b, n);
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        b[n++] = '\\';
                        b[n++] = 'u';
                        for (int shift = 12; shift >= 0; shift -= 4) b[n++] = (byte) Character.forDigit((c >> shift) & 0xf, 16);
                    } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(value.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, value.charAt(++i));
                        b[n++] = (byte) (0xf0 | cp >> 18);
                        b[n++] = (byte) (0x80 | (cp >> 12 & 0x3f));
                        b[n++] = (byte) (0x80 | (cp >> 6 & 0x3f));
                        b[n++] = (byte) (0x80 | (cp & 0x3f));
                    } else {
                        char u = Character.isSurrogate(c) ? '\uFFFD' : c;
                        if (u < 0x800) {
                            b[n++] = (byte) (0xc0 | u >> 6);
                        } else {
                            b[n++] = (byte) (0xe0 | u >> 12);
                            b[n++] = (byte) (0x80 | (u >> 6 & 0x3f));
                        }
                        b[n++] = (byte) (0x80 | (u & 0x3f));
                    }
                }
            }
        }
        b[n++] = '"';
        out.write(b, 0, n);
    }

    private static int escape(char letter, byte[] b, int n) {
        b[n] = '\\';
        b[n + 1] = (byte) letter;
        return n + 2;
    }

    private static void hex(char c, StringBuilder out) {
        out.append("\\u");
        String h = Integer.toHexString(c);
        out.append("0000", h.length(), 4).append(h);
    }

    private Object value(int depth) {
        if (pos >= s.length()) {
            throw error("unexpected end of line");
        }
        char c = s.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        checkDepth(depth);
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            map.put(key, value(depth));
            skipSpace();
            char c = next();
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(depth));
            skipSpace();
            char c = next();
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("unescaped control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> out.append(unicodeEscape());
                default -> throw error("bad escape '\\" + e + "'");
            }
        }
    }

    private char unicodeEscape() {
        if (pos + 4 > s.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos++), 16);
            if (d < 0) {
                throw error("bad \\u escape");
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    private Double number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        digits();
        if (peek() == '.') {
            pos++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits();
        }
        return Double.valueOf(s.substring(start, pos));
    }

    private void digits() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error("malformed number");
        }
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, pos)) {
            throw error("unexpected text");
        }
        pos += word.length();
        return value;
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= s.length()) {
            throw error("unexpected end of line");
        }
        return s.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid JSON at column " + (pos + 1) + ": " + what);
    }
}
