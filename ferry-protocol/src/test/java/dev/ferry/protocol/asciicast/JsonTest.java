package dev.ferry.protocol.asciicast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static String quote(String s) {
        StringBuilder b = new StringBuilder();
        Json.quote(s, b);
        return b.toString();
    }

    @Test
    void quotesEscapesNonPrintablesAndKeepsPrintableUnicode() {
        assertThat(quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(quote("\r\n\t\b\f")).isEqualTo("\"\\r\\n\\t\\b\\f\"");
        assertThat(quote("\u001b[1m\u0000\u007f\u0085\u2028")).isEqualTo("\"\\u001b[1m\\u0000\\u007f\\u0085\\u2028\"");
        assertThat(quote("héllo €漢😀")).isEqualTo("\"héllo €漢😀\"");
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() {
        assertThat(quote("a\uD800b\uDC00")).isEqualTo("\"a\uFFFDb\uFFFD\"");
    }

    @Test
    void quoteThenParseIsIdentityForEveryBmpCharacterAndPairs() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0xD800; c++) {
            all.append(c);
        }
        for (int c = 0xE000; c <= 0xFFFF; c++) {
            all.append((char) c);
        }
        all.append("😀𝄞");
        assertThat(Json.parse(quote(all.toString()))).isEqualTo(all.toString());
    }

    @Test
    void quoteUtf8WritesExactlyTheBytesOfQuoteForEveryCharacterAcrossBufferBoundaries() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            all.append((char) c);   // lone surrogates included
        }
        all.append("😀𝄞\uD83D");   // pairs, and a high surrogate at the very end
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < 30_000; i++) {   // runs of plain text with escapes and multi-byte characters between
            all.append(r.nextInt(8) == 0 ? "\u001b[1;3%dm\"\\é€😀\n".formatted(r.nextInt(8)) : "plain text ");
        }
        for (String s : new String[] {"", "a", "\"", all.toString(), all.substring(0, 8190), all.substring(1, 8200)}) {
            var out = new java.io.ByteArrayOutputStream();
            Json.quoteUtf8(s, out);
            assertThat(out.toByteArray()).isEqualTo(quote(s).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void quoteAsciiWritesExactlyTheBytesOfQuoteForEveryAsciiByteAndMixes() throws Exception {
        byte[] all = new byte[128 * 3];
        for (int i = 0; i < all.length; i++) all[i] = (byte) (i % 128);
        java.util.Random r = new java.util.Random(7);
        byte[] mix = new byte[50_000];
        for (int i = 0; i < mix.length; i++) mix[i] = (byte) (r.nextInt(6) == 0 ? r.nextInt(128) : 'a' + r.nextInt(26));
        for (byte[] bytes : new byte[][] {new byte[0], {'"'}, {'x', 0x7f}, all, mix}) {
            for (int off : new int[] {0, Math.min(1, bytes.length)}) {
                var out = new java.io.ByteArrayOutputStream();
                JsonAscii.quote(bytes, off, bytes.length - off, out);
                String text = new String(bytes, off, bytes.length - off, java.nio.charset.StandardCharsets.US_ASCII);
                assertThat(out.toByteArray()).isEqualTo(quote(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void quoteAsciiFindsASpecialByteAtEveryPlaceOfALongRun() throws Exception {
        for (int len = 0; len < 40; len++) {
            for (int at = 0; at < len; at++) {
                for (byte special : new byte[] {'"', '\\', '\n', 0x1b, 0x7f, 0}) {
                    byte[] bytes = "x".repeat(len).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    bytes[at] = special;
                    var out = new java.io.ByteArrayOutputStream();
                    JsonAscii.quote(bytes, 0, len, out);
                    String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
                    assertThat(out.toByteArray()).isEqualTo(quote(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void asciiPathMatchesTheGeneralPathForRandomBytesAtEveryAlignment() throws Exception {
        // Random slices of a larger array, so the 8-byte reads start unaligned and leave tails of every
        // length, and the bytes just outside a slice (escapes among them) must not leak in. Some rounds
        // take any ASCII byte (an escape every few bytes), others rare escapes in long printable runs
        // (whole clean words, then an escape at any place of a word).
        java.util.Random r = new java.util.Random(1234);
        byte[] big = new byte[400];
        for (int round = 0; round < 20_000; round++) {
            int oneIn = new int[] {1, 4, 16, 64}[round % 4];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) (r.nextInt(oneIn) == 0 ? r.nextInt(0x80) : 0x20 + r.nextInt(0x5f));
            }
            int len = r.nextInt(301), off = r.nextInt(big.length - len + 1);
            var fast = new java.io.ByteArrayOutputStream();
            JsonAscii.quote(big, off, len, fast);
            var general = new java.io.ByteArrayOutputStream();
            Json.quoteUtf8(new String(big, off, len, java.nio.charset.StandardCharsets.US_ASCII), general);
            assertThat(fast.toByteArray()).as("round %d", round).isEqualTo(general.toByteArray());

            assertThat(JsonAscii.isAscii(big, off, len)).isTrue();
            if (len > 0) {
                int at = off + r.nextInt(len);
                byte was = big[at];
                big[at] = (byte) (0x80 + r.nextInt(0x80));
                assertThat(JsonAscii.isAscii(big, off, len)).as("round %d, byte %d", round, at - off).isFalse();
                big[at] = was;
            }
        }
    }

    @Test
    void parsesHeaderAndEventShapes() {
        Object h = Json.parse("{\"version\": 2, \"width\": 80, \"env\": {\"TERM\": \"xterm\"}, \"x\": [true, false, null]}");
        assertThat(h).isEqualTo(Map.of("version", 2.0, "width", 80.0, "env", Map.of("TERM", "xterm"),
                "x", java.util.Arrays.asList(true, false, null)));
        assertThat(Json.parse(" [1.5e0, \"o\", \"\\u00e9\\/\"] ")).isEqualTo(List.of(1.5, "o", "é/"));
        assertThat(Json.parse("-0.25")).isEqualTo(-0.25);
    }

    @Test
    void rejectsMalformedInputWithAColumn() {
        for (String bad : new String[] {"", "[1, \"o\"", "[1 \"o\"]", "{\"a\" 1}", "\"\\x\"", "\"a\u0001\"", "01x",
                "[1,]", "tru", "\"\\u12\"", "[] []", "-", "1."}) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid JSON at column");
        }
    }

    @Test
    void boundsNestingDepth() {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Json.parse(deep)).hasMessageContaining("nested deeper than");
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(ok)).isInstanceOf(List.class);
    }
}
