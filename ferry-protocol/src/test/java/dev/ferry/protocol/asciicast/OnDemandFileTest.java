package dev.ferry.protocol.asciicast;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording's file holds a descriptor only from a write to the next flush, counted in this
 * process's own descriptor table, and nothing written is lost across the reopenings.
 */
class OnDemandFileTest {
    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();

    /** How many of this process's descriptors are open on {@code file}. */
    private static long descriptorsOn(Path file) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException e) {
                    return false;   // closed meanwhile (the listing's own descriptor)
                }
            }).count();
        }
    }

    @Test
    void aWriterHoldsNoDescriptorBetweenFlushes() throws IOException {
        Path file = dir.resolve("idle.cast");
        try (AsciicastWriter w = AsciicastWriter.create(file, Header.of(80, 24), clock)) {
            assertThat(descriptorsOn(file)).as("after the header").isZero();
            byte[] small = "hello\r\n".getBytes(UTF_8);
            w.output(small, 0, small.length);
            assertThat(descriptorsOn(file)).as("a small event waits in the buffer").isZero();

            byte[] big = RandomText.of(new Random(3), 20_000).getBytes(UTF_8);   // beyond the buffer: written through
            clock.advanceMillis(10);
            w.output(big, 0, big.length);
            assertThat(descriptorsOn(file)).as("while written to").isEqualTo(1);

            clock.advanceMillis(600);
            assertThat(w.flushIfDue()).isTrue();
            assertThat(descriptorsOn(file)).as("after the flush").isZero();
        }
        assertThat(descriptorsOn(file)).isZero();
    }

    @Test
    void everythingWrittenAcrossManyReopeningsIsThereInOrder() throws IOException {
        Path file = dir.resolve("busy.cast");
        List<String> sent = new ArrayList<>();
        try (AsciicastWriter w = AsciicastWriter.create(file, Header.of(80, 24), clock)) {
            for (int i = 0; i < 300; i++) {
                String s = i + ":" + RandomText.of(new Random(i), i * 37 % 3_000);
                sent.add(s);
                clock.advanceMillis(200);   // a flush, and so a reopening, every few events
                byte[] b = s.getBytes(UTF_8);
                w.output(b, 0, b.length);
            }
        }
        List<String> read = new ArrayList<>();
        try (AsciicastReader r = AsciicastReader.open(file)) {
            for (Event e = r.next(); e != null; e = r.next()) read.add(e.data());
        }
        assertThat(read).isEqualTo(sent);
    }
}
