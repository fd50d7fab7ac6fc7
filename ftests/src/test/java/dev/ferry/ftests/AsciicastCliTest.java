package dev.ferry.ftests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.asciicast.AsciicastWriter;
import dev.ferry.protocol.asciicast.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry play} without a terminal: the bytes, the timing options, the errors, and stock asciinema's files. */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class AsciicastCliTest {
    private static final String[] PIECES = {"a", "Z", " ", "\r\n", "\t", "\u001b[1;31m", "\u001b[0m", "\u0007", "é",
        "€", "漢", "😀", "👩‍💻", "\"", "\\", "\u2028"};

    @TempDir
    Path dir;

    /** A recording written by Ferry's writer in random byte chunks, one event per simulated millisecond. */
    private Path record(String name, byte[] bytes, Double idleLimit, long gapMillis) throws IOException {
        Path file = dir.resolve(name);
        long[] now = {0};
        Random random = new Random(name.hashCode());
        Header header = Header.of(80, 24).withIdleTimeLimit(idleLimit);
        try (AsciicastWriter w = AsciicastWriter.create(file, header, () -> now[0])) {
            for (int off = 0; off < bytes.length; ) {
                int n = Math.min(bytes.length - off, 1 + random.nextInt(9));
                w.output(bytes, off, n);
                off += n;
                now[0] += gapMillis * 1_000_000;
            }
        }
        return file;
    }

    private static byte[] text(int pieces, long seed) {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString().getBytes(UTF_8);
    }

    @Test
    void playWritesExactlyTheRecordedBytes() throws Exception {
        byte[] bytes = text(3000, 1);
        Path cast = record("bytes.cast", bytes, null, 1);
        PlayCli.Run run = PlayCli.ferry(dir, "play", "--speed", "1000", cast.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).isEqualTo(bytes);
    }

    @Test
    void playsWhatStockAsciinemaRecordedAsAsciinemaCatPrintsIt() throws Exception {
        Path cast = dir.resolve("stock.cast");
        PlayCli.Run rec = PlayCli.inPty(dir, "stty cols 80 rows 24; asciinema rec -q -c "
                + "'printf \"h\\303\\251llo \\342\\202\\254\\033[1mbold\\033[0m\\r\\n\"; sleep 0.3; printf \"bye\\r\\n\"' '"
                + cast + "' > /dev/null");
        assertThat(rec.exit()).as(rec.stderr() + rec.stdoutText()).isZero();
        assertThat(Files.readString(cast)).startsWith("{\"version\": 2, \"width\": 80, \"height\": 24");

        Path catOut = dir.resolve("cat.out");
        PlayCli.Run cat = PlayCli.inPty(dir, "asciinema cat '" + cast + "' > '" + catOut + "'");
        assertThat(cat.exit()).isZero();
        byte[] expected = Files.readAllBytes(catOut);
        assertThat(new String(expected, UTF_8)).contains("héllo €\u001b[1mbold").contains("bye");

        PlayCli.Run play = PlayCli.ferry(dir, "play", "--speed", "100", cast.toString());
        assertThat(play.exit()).as(play.stderr()).isZero();
        assertThat(play.stdout()).isEqualTo(expected);
    }

    @Test
    void idleLimitFromTheHeaderOrTheFlagCapsLongPauses() throws Exception {
        // 3 events 10 minutes apart: uncapped this would take 20 minutes
        Path capped = record("capped.cast", "one\r\ntwo\r\n".getBytes(UTF_8), 0.2, 200_000);
        PlayCli.Run run = PlayCli.ferry(dir, "play", capped.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdoutText()).isEqualTo("one\r\ntwo\r\n");
        assertThat(run.millis()).isLessThan(30_000);

        Path uncapped = record("uncapped.cast", "three\r\n".getBytes(UTF_8), null, 200_000);
        PlayCli.Run flag = PlayCli.ferry(dir, "play", "--idle-limit", "0.1", uncapped.toString());
        assertThat(flag.exit()).as(flag.stderr()).isZero();
        assertThat(flag.stdoutText()).isEqualTo("three\r\n");
    }

    @Test
    void fromSkipsAheadButStillShowsEarlierOutput() throws Exception {
        // one byte every 10 s: 50 events span about 8 minutes of recording
        byte[] bytes = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX".getBytes(UTF_8);
        Path cast = dir.resolve("from.cast");
        long[] now = {0};
        try (AsciicastWriter w = AsciicastWriter.create(cast, Header.of(80, 24), () -> now[0])) {
            for (byte b : bytes) {
                w.output(new byte[] {b}, 0, 1);
                now[0] += 10_000_000_000L;
            }
        }
        PlayCli.Run run = PlayCli.ferry(dir, "play", "--from", "489.5", cast.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo(bytes);
        assertThat(run.millis()).as("only the last 0.5 s is played in real time").isLessThan(30_000);
    }

    @Test
    void badInputGivesAOneLineErrorAndNonZeroStatus() throws Exception {
        PlayCli.Run missing = PlayCli.ferry(dir, "play", dir.resolve("nope.cast").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.stderr()).isEqualTo("ferry: no such file: " + dir.resolve("nope.cast") + "\n");
        assertThat(missing.stdout()).isEmpty();

        Path v3 = Files.writeString(dir.resolve("v3.cast"), "{\"version\": 3, \"term\": {\"cols\": 80, \"rows\": 24}}\n");
        PlayCli.Run wrong = PlayCli.ferry(dir, "play", v3.toString());
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.stderr()).isEqualTo("ferry: " + v3 + ": not an asciicast v2 recording (version 3.0)\n");

        Path cast = record("ok.cast", "x".getBytes(UTF_8), null, 1);
        PlayCli.Run speed = PlayCli.ferry(dir, "play", "--speed", "-2", cast.toString());
        assertThat(speed.exit()).isNotZero();
        assertThat(speed.stderr()).isEqualTo("ferry: --speed must be a positive number\n");
    }

    @Test
    void aTornRecordingPlaysUpToTheTearWithANote() throws Exception {
        Path cast = record("torn.cast", "first\r\nsecond\r\n".getBytes(UTF_8), null, 1);
        ByteArrayOutputStream torn = new ByteArrayOutputStream();
        torn.writeBytes(Files.readAllBytes(cast));
        torn.writeBytes("[9.5, \"o\", \"never fin".getBytes(UTF_8));
        Files.write(cast, torn.toByteArray());
        PlayCli.Run run = PlayCli.ferry(dir, "play", "--speed", "1000", cast.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.stdoutText()).isEqualTo("first\r\nsecond\r\n");
        assertThat(run.stderr()).matches("ferry: .*torn.cast: line \\d+ was cut off \\(21 bytes ignored\\)\n");
    }
}
