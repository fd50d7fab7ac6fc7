package dev.ferry.protocol.asciicast;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsciicastWriterTest {
    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();

    /** Counts flushes that reach the underlying stream, which is what a killed process keeps. */
    static final class Sink extends ByteArrayOutputStream {
        int flushes;

        @Override
        public void flush() {
            flushes++;
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static void out(AsciicastWriter w, String s) throws IOException {
        byte[] bytes = b(s);
        w.output(bytes, 0, bytes.length);
    }

    @Test
    void writesTheHeaderAndEventsExactly() throws IOException {
        Path file = dir.resolve("a.cast");
        Header header = Header.of(80, 24).withTimestamp(1_700_000_000L).withIdleTimeLimit(2.5)
                .withCommand("/bin/bash -l").withTitle("demo \"1\"").withShellAndTerm("/bin/bash", "xterm-256color");
        try (AsciicastWriter w = AsciicastWriter.create(file, header, clock)) {
            clock.advanceMicros(1_500_000);
            out(w, "hé\u001b[1m\r\n");
            clock.advanceMicros(250);
            w.resize(100, 30);
            clock.advanceMicros(1);
            w.marker("alice joined read-write via ssh");
            w.input(b("ls\r"), 0, 3);
        }
        assertThat(Files.readString(file)).isEqualTo("""
                {"version": 2, "width": 80, "height": 24, "timestamp": 1700000000, "idle_time_limit": 2.5, \
                "command": "/bin/bash -l", "title": "demo \\"1\\"", "env": {"SHELL": "/bin/bash", "TERM": "xterm-256color"}}
                [1.5, "o", "hé\\u001b[1m\\r\\n"]
                [1.50025, "r", "100x30"]
                [1.500251, "m", "alice joined read-write via ssh"]
                [1.500251, "i", "ls\\r"]
                """);
    }

    @Test
    void neverOverwritesAnExistingFile() throws IOException {
        Path file = Files.writeString(dir.resolve("x.cast"), "keep");
        assertThatThrownBy(() -> AsciicastWriter.create(file, Header.of(80, 24)))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("keep");
    }

    @Test
    void timesNeverGoBackwards() throws IOException {
        Sink sink = new Sink();
        long[] now = {1_000_000_000L};
        try (AsciicastWriter w = new AsciicastWriter(sink, Header.of(10, 5), () -> now[0])) {
            now[0] += 2_000_000;
            out(w, "a");
            now[0] -= 1_500_000; // a clock that steps back must not make the recording go back
            out(w, "b");
            now[0] -= 10_000_000; // even before the start
            out(w, "c");
        }
        assertThat(sink.toString(UTF_8)).contains("[0.002, \"o\", \"a\"]\n[0.002, \"o\", \"b\"]\n[0.002, \"o\", \"c\"]\n");
    }

    @Test
    void aCharacterCutBetweenWritesIsWrittenWhole() throws IOException {
        Sink sink = new Sink();
        byte[] euro = b("€😀"); // 3 + 4 bytes
        try (AsciicastWriter w = new AsciicastWriter(sink, Header.of(10, 5), clock)) {
            w.output(euro, 0, 1);
            w.output(euro, 1, 1);
            w.output(euro, 2, 3); // completes € and starts 😀
            w.output(euro, 5, 2);
        }
        List<String> lines = sink.toString(UTF_8).lines().toList();
        assertThat(lines).containsExactly(lines.get(0), "[0.0, \"o\", \"€\"]", "[0.0, \"o\", \"😀\"]");
    }

    @Test
    void invalidBytesBecomeReplacementCharactersAndACutTailIsFlushedOnClose() throws IOException {
        Sink sink = new Sink();
        try (AsciicastWriter w = new AsciicastWriter(sink, Header.of(10, 5), clock)) {
            w.output(new byte[] {'a', (byte) 0xff, 'b', (byte) 0xc3, '(', (byte) 0xe2, (byte) 0x82}, 0, 7);
        }
        assertThat(sink.toString(UTF_8).lines().skip(1).toList())
                .containsExactly("[0.0, \"o\", \"a\uFFFDb\uFFFD(\"]", "[0.0, \"o\", \"\uFFFD\"]");
    }

    @Test
    void anyBytesInAnyChunksDecodeAsTheWholeStreamWould() throws IOException {
        java.util.Random random = new java.util.Random(42);
        byte[] alphabet = {'a', '\n', (byte) 0xc3, (byte) 0xa9, (byte) 0xe2, (byte) 0x82, (byte) 0xac, (byte) 0xf0,
            (byte) 0x9f, (byte) 0x98, (byte) 0x80, (byte) 0x80, (byte) 0xbf, (byte) 0xff, (byte) 0xc0, (byte) 0xed,
            (byte) 0xa0, (byte) 0xf4, (byte) 0x90};
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            Sink sink = new Sink();
            try (AsciicastWriter w = new AsciicastWriter(sink, Header.of(10, 5), clock)) {
                for (int off = 0; off < bytes.length; ) {
                    int n = Math.min(bytes.length - off, 1 + random.nextInt(4));
                    w.output(bytes, off, n);
                    off += n;
                }
            }
            String joined = sink.toString(UTF_8).lines().skip(1)
                    .map(l -> (String) ((List<?>) Json.parse(l)).get(2)).reduce("", String::concat);
            assertThat(joined).as("round %d: %s", round, java.util.HexFormat.of().formatHex(bytes))
                    .isEqualTo(new String(bytes, UTF_8));
        }
    }

    @Test
    void flushesWhenTheOldestBufferedEventReachesTheDeadline() throws IOException {
        Sink sink = new Sink();
        AsciicastWriter w = new AsciicastWriter(sink, Header.of(10, 5), clock);
        assertThat(sink.flushes).as("the header is flushed at once").isEqualTo(1);
        out(w, "a");
        clock.advanceMillis(300);
        out(w, "b");
        assertThat(w.flushIfDue()).isFalse();
        assertThat(sink.flushes).isEqualTo(1);
        clock.advanceMillis(200); // "a" is now 500 ms old
        assertThat(w.flushIfDue()).isTrue();
        assertThat(sink.flushes).isEqualTo(2);
        assertThat(w.flushIfDue()).as("nothing buffered").isFalse();

        clock.advanceMillis(5_000); // a quiet stretch does not count towards the next event's deadline
        out(w, "c");
        assertThat(sink.flushes).isEqualTo(2);
        clock.advanceMillis(499);
        out(w, "d");
        assertThat(sink.flushes).isEqualTo(2);
        clock.advanceMillis(1);
        out(w, "e"); // the check on every event flushes without the owner's hook
        assertThat(sink.flushes).isEqualTo(3);
        w.close();
        assertThat(sink.toString(UTF_8).lines().count()).isEqualTo(6);
    }

    @Test
    void hugeOutputIsSplitIntoBoundedEventsWithoutSplittingAPair() throws IOException {
        Sink sink = new Sink();
        String big = "x".repeat(AsciicastWriter.MAX_EVENT_CHARS - 1) + "😀" + "y".repeat(10);
        try (AsciicastWriter w = new AsciicastWriter(sink, Header.of(10, 5), clock)) {
            out(w, big);
        }
        List<String> data = sink.toString(UTF_8).lines().skip(1)
                .map(l -> (String) ((List<?>) Json.parse(l)).get(2)).toList();
        assertThat(data).hasSize(2);
        assertThat(data.get(0)).hasSize(AsciicastWriter.MAX_EVENT_CHARS - 1);
        assertThat(String.join("", data)).isEqualTo(big);
    }

    @Test
    void closedWriterRefusesEventsAndCloseIsIdempotent() throws IOException {
        AsciicastWriter w = new AsciicastWriter(new Sink(), Header.of(10, 5), clock);
        w.close();
        w.close();
        assertThatThrownBy(() -> w.marker("late")).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void headerValidatesItsFields() {
        assertThatThrownBy(() -> Header.of(-1, 24)).hasMessageContaining("width and height");
        assertThatThrownBy(() -> Header.of(80, 24).withIdleTimeLimit(-1.0)).hasMessageContaining("idle_time_limit");
        assertThat(Header.of(80, 24).withShellAndTerm(null, "xterm").env()).isEqualTo(Map.of("TERM", "xterm"));
    }
}
