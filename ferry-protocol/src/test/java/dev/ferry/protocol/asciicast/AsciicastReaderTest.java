package dev.ferry.protocol.asciicast;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsciicastReaderTest {
    @TempDir
    Path dir;

    static List<Event> readAll(AsciicastReader r) throws IOException {
        List<Event> events = new ArrayList<>();
        for (Event e; (e = r.next()) != null; ) {
            events.add(e);
        }
        return events;
    }

    private static AsciicastReader reader(String text) throws IOException {
        return new AsciicastReader(new ByteArrayInputStream(text.getBytes(UTF_8)), "t.cast");
    }

    @Test
    void writerOutputReadsBackEventForEvent() throws IOException {
        FakeClock clock = new FakeClock();
        Path file = dir.resolve("r.cast");
        Header header = Header.of(132, 43).withTimestamp(1_763_000_000L).withIdleTimeLimit(1.0)
                .withTitle("t\u0007itle").withShellAndTerm("/bin/zsh", "screen");
        try (AsciicastWriter w = AsciicastWriter.create(file, header, clock)) {
            byte[] o = "\u001b]0;title\u0007é\r\n".getBytes(UTF_8);
            w.output(o, 0, o.length);
            clock.advanceMicros(1_234_567);
            w.resize(80, 24);
            w.marker("");
            clock.advanceMicros(3);
            w.input(new byte[] {3}, 0, 1);
        }
        try (AsciicastReader r = AsciicastReader.open(file)) {
            assertThat(r.header()).isEqualTo(header);
            assertThat(readAll(r)).containsExactly(
                    new Event(0, Event.Type.OUTPUT, "\u001b]0;title\u0007é\r\n"),
                    new Event(1_234_567, Event.Type.RESIZE, "80x24"),
                    new Event(1_234_567, Event.Type.MARKER, ""),
                    new Event(1_234_570, Event.Type.INPUT, "\u0003"));
            assertThat(r.tornTail()).isNull();
        }
    }

    @Test
    void randomTextInRandomChunksNeverSplitsACharacterAndRoundTrips() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            String text = RandomText.of(random, 1 + random.nextInt(400));
            byte[] bytes = text.getBytes(UTF_8);
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            FakeClock clock = new FakeClock();
            try (AsciicastWriter w = new AsciicastWriter(file, Header.of(80, 24), clock)) {
                for (int off = 0; off < bytes.length; ) {
                    int n = Math.min(bytes.length - off, 1 + random.nextInt(6));
                    w.output(bytes, off, n);
                    off += n;
                    clock.advanceMicros(random.nextInt(3));
                }
            }
            StringBuilder joined = new StringBuilder();
            try (AsciicastReader r = new AsciicastReader(new ByteArrayInputStream(file.toByteArray()), "mem")) {
                for (Event e : readAll(r)) {
                    // each event alone must be whole UTF-8 text: no lone surrogate, no replacement character
                    assertThat(e.data()).doesNotContain("\uFFFD");
                    assertThat(e.data().codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)).isTrue();
                    joined.append(e.data());
                }
            }
            assertThat(joined.toString()).as("round %d", round).isEqualTo(text);
        }
    }

    @Test
    void readsGzippedRecordings() throws IOException {
        Path file = dir.resolve("z.cast.gz");
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write("{\"version\": 2, \"width\": 80, \"height\": 24}\n[0.25, \"o\", \"zip\"]\n".getBytes(UTF_8));
        }
        try (AsciicastReader r = AsciicastReader.open(file)) {
            assertThat(readAll(r)).containsExactly(new Event(250_000, Event.Type.OUTPUT, "zip"));
        }
    }

    @Test
    void skipsUnknownCodesAndBlankLines() throws IOException {
        try (AsciicastReader r = reader("""
                {"version": 2, "width": 80, "height": 24, "env": {"SHELL": null, "TERM": "xterm"}}

                [0.5, "x", "0"]
                [1, "o", "a"]
                   \r
                [2.0000005, "o", "b", "extra"]
                """)) {
            assertThat(r.header().env()).isEqualTo(Map.of("TERM", "xterm"));
            assertThat(readAll(r)).containsExactly(new Event(1_000_000, Event.Type.OUTPUT, "a"),
                    new Event(2_000_001, Event.Type.OUTPUT, "b"));
            assertThat(r.skippedEvents()).isEqualTo(1);
        }
    }

    @Test
    void aTornLastLineIsIgnoredAndReported() throws IOException {
        try (AsciicastReader r = reader("{\"version\": 2, \"width\": 80, \"height\": 24}\n[1, \"o\", \"a\"]\n[1.2, \"o\", \"b")) {
            assertThat(readAll(r)).containsExactly(new Event(1_000_000, Event.Type.OUTPUT, "a"));
            assertThat(r.tornTail()).isEqualTo("line 3 was cut off (13 bytes ignored)");
        }
        // cut inside a multi-byte character
        byte[] torn = "{\"version\": 2, \"width\": 8, \"height\": 2}\n[1, \"o\", \"€".getBytes(UTF_8);
        try (AsciicastReader r = new AsciicastReader(new ByteArrayInputStream(torn, 0, torn.length - 1), "x")) {
            assertThat(readAll(r)).isEmpty();
            assertThat(r.tornTail()).startsWith("line 2 was cut off");
        }
        // a complete last event that only lacks its newline is kept
        try (AsciicastReader r = reader("{\"version\": 2, \"width\": 80, \"height\": 24}\n[1, \"o\", \"a\"]")) {
            assertThat(readAll(r)).hasSize(1);
            assertThat(r.tornTail()).isNull();
        }
    }

    @Test
    void aBadLineInTheMiddleIsAnErrorNamingTheLine() throws IOException {
        try (AsciicastReader r = reader("{\"version\": 2, \"width\": 80, \"height\": 24}\n[1, \"o\", \"a\"]\n[1, \"o\"\n[2, \"o\", \"b\"]\n[3]\n")) {
            assertThat(r.next()).isNotNull();
            assertThatThrownBy(r::next).isInstanceOf(AsciicastFormatException.class)
                    .hasMessage("t.cast line 3: invalid JSON at column 8: unexpected end of line");
        }
        try (AsciicastReader r = reader("{\"version\": 2, \"width\": 80, \"height\": 24}\n[-1, \"o\", \"a\"]\n")) {
            assertThatThrownBy(r::next).hasMessage("t.cast line 2: bad event time -1.0");
        }
        try (AsciicastReader r = reader("{\"version\": 2, \"width\": 80, \"height\": 24}\n[3]\n")) {
            assertThatThrownBy(r::next).hasMessage("t.cast line 2: an event must be an array [time, code, data]");
        }
        try (AsciicastReader r = new AsciicastReader(new ByteArrayInputStream(
                "{\"version\": 2, \"width\": 80, \"height\": 24}\n[1, \"o\", \"\u00ff\"]\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), "t.cast")) {
            assertThatThrownBy(r::next).hasMessage("t.cast line 2: not valid UTF-8");
        }
    }

    @Test
    void rejectsWhatIsNotAnAsciicastV2Header() {
        assertThatThrownBy(() -> reader("")).hasMessage("t.cast: empty file, not an asciicast recording");
        assertThatThrownBy(() -> reader("{\"version\": 3, \"term\": {\"cols\": 80, \"rows\": 24}}\n"))
                .hasMessage("t.cast: not an asciicast v2 recording (version 3.0)");
        assertThatThrownBy(() -> reader("{\"version\": 1, \"width\": 80, \"height\": 24, \"stdout\": []}"))
                .hasMessage("t.cast: the header line is incomplete");
        assertThatThrownBy(() -> reader("{\"version\": 2, \"width\": 80.5, \"height\": 24}\n"))
                .hasMessage("t.cast: header has no valid width (80.5)");
        assertThatThrownBy(() -> reader("hello\n")).hasMessageStartingWith("t.cast: not an asciicast recording (line 1: invalid JSON");
        assertThatThrownBy(() -> AsciicastReader.open(dir.resolve("missing.cast"))).hasMessageContaining("no such file");
    }

    @Test
    void boundsLineLengthWithAClearError() throws IOException {
        String header = "{\"version\": 2, \"width\": 80, \"height\": 24}\n";
        try (AsciicastReader r = new AsciicastReader(new ByteArrayInputStream(
                (header + "[1, \"o\", \"" + "x".repeat(2000) + "\"]\n").getBytes(UTF_8)), "t.cast", 1024)) {
            assertThatThrownBy(r::next).isInstanceOf(AsciicastFormatException.class)
                    .hasMessage("line 2 is longer than 1024 bytes");
        }
        // an endless line without newlines is refused after the bound, not buffered whole
        InputStream endless = new InputStream() {
            int served;

            @Override
            public int read() {
                return served++ < header.length() ? header.charAt(served - 1) : 'x';
            }
        };
        try (AsciicastReader r = new AsciicastReader(endless, "t.cast")) {
            assertThatThrownBy(r::next).hasMessage("line 2 is longer than 8 MiB");
        }
    }
}
