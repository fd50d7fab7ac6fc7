package dev.ferry.protocol.asciicast;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our recordings against the stock asciinema 2.x player, the reference every user has. */
class AsciinemaCompatTest {
    @TempDir
    Path dir;

    /** Writes {@code bytes} as output in random chunks (1..7 bytes, cutting characters) with a random clock. */
    private static Path record(Path file, byte[] bytes, Random random) throws IOException {
        FakeClock clock = new FakeClock();
        Header header = Header.of(80, 24).withTimestamp(1_763_770_000L).withShellAndTerm("/bin/bash", "xterm-256color")
                .withTitle("compat ☃").withIdleTimeLimit(0.5);
        try (AsciicastWriter w = AsciicastWriter.create(file, header, clock)) {
            for (int off = 0; off < bytes.length; ) {
                int n = Math.min(bytes.length - off, 1 + random.nextInt(7));
                w.output(bytes, off, n);
                off += n;
                clock.advanceMicros(random.nextInt(2000));
                if (random.nextInt(20) == 0) {
                    w.resize(40 + random.nextInt(100), 10 + random.nextInt(40));
                }
                if (random.nextInt(30) == 0) {
                    w.marker("bob joined read-only via web \"ö\"");
                }
                if (random.nextInt(25) == 0) {
                    w.input(bytes, 0, Math.min(bytes.length, 5));
                }
            }
        }
        return file;
    }

    @Test
    void asciinemaCatPrintsExactlyTheBytesThatWereWritten() throws Exception {
        Random random = new Random(20261122);
        for (int round = 0; round < 8; round++) {
            byte[] bytes = RandomText.of(random, 50 + random.nextInt(2000)).getBytes(UTF_8);
            Path file = record(dir.resolve("cat" + round + ".cast"), bytes, random);
            Asciinema.Run run = Asciinema.cat(file, dir);
            assertThat(run.exit()).as(run.stderr()).isZero();
            assertThat(run.stdout()).as("round %d", round).isEqualTo(bytes);
        }
    }

    @Test
    void asciinemaPlayPlaysTheWholeRecording() throws Exception {
        Random random = new Random(5);
        byte[] bytes = RandomText.of(random, 500).getBytes(UTF_8);
        Path file = record(dir.resolve("play.cast"), bytes, random);
        Asciinema.Run run = Asciinema.play(file, dir, "-s", "100");
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
        // asciinema 2.2 play swallows parse errors and still exits 0, so the proof is the output itself
        assertThat(run.stdout()).isEqualTo(bytes);
        Asciinema.Run capped = Asciinema.play(file, dir, "-i", "0.01");
        assertThat(capped.exit()).isZero();
        assertThat(capped.stdout()).isEqualTo(bytes);
    }

    @Test
    void aTornRecordingIsReadByUsAndAfterRepairByAsciinema() throws Exception {
        Random random = new Random(11);
        byte[] bytes = RandomText.of(random, 300).getBytes(UTF_8);
        Path file = record(dir.resolve("torn.cast"), bytes, random);
        byte[] whole = Files.readAllBytes(file);
        byte[] expected;
        try (AsciicastReader r = AsciicastReader.open(file)) {
            var events = AsciicastReaderTest.readAll(r);
            expected = Asciinema.outputBytes(events.subList(0, events.size() - 1));
        }
        // cut the last line in half, as a crash in the middle of a write would
        int lastLineStart = lastIndexOf(whole, (byte) '\n', whole.length - 2) + 1;
        int cut = lastLineStart + (whole.length - lastLineStart) / 2;
        Files.write(file, java.util.Arrays.copyOf(whole, cut));

        Asciinema.Run before = Asciinema.cat(file, dir);
        assertThat(before.exit()).as("stock asciinema chokes on the torn line").isNotZero();
        assertThat(before.stderr()).containsPattern("(JSONDecode|UnicodeDecode)Error");

        try (AsciicastReader r = AsciicastReader.open(file)) {
            assertThat(Asciinema.outputBytes(AsciicastReaderTest.readAll(r))).isEqualTo(expected);
            assertThat(r.tornTail()).isNotNull();
        }
        assertThat(AsciicastRepair.repair(file).removedBytes()).isEqualTo(cut - lastLineStart);
        Asciinema.Run after = Asciinema.cat(file, dir);
        assertThat(after.exit()).as(after.stderr()).isZero();
        assertThat(after.stdout()).isEqualTo(expected);
    }

    private static int lastIndexOf(byte[] b, byte value, int from) {
        for (int i = from; i >= 0; i--) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void invalidBytesArriveAsReplacementCharacters() throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes("ok ".getBytes(UTF_8));
        raw.writeBytes(new byte[] {(byte) 0xff, (byte) 0xc0, (byte) 0xaf, 'x', (byte) 0xe2, (byte) 0x82});
        Path file = record(dir.resolve("bad.cast"), raw.toByteArray(), new Random(1));
        Asciinema.Run run = Asciinema.cat(file, dir);
        assertThat(run.exit()).as(run.stderr()).isZero();
        String printed = new String(run.stdout(), UTF_8);
        assertThat(printed).startsWith("ok ").contains("x").doesNotContain("\u00ff");
        assertThat(printed.chars().filter(c -> c == 0xFFFD).count()).isGreaterThanOrEqualTo(3);
    }
}
