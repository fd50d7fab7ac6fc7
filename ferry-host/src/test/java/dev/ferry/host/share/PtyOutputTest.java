package dev.ferry.host.share;

import static org.assertj.core.api.Assertions.assertThat;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PtyOutput on a real PTY, both ways it reads (the JDK's reads on its own descriptor, and pty4j with
 * JNA): every byte in order, in chunks larger than one PTY read, a single key at once, the end.
 */
class PtyOutputTest {
    @TempDir
    Path dir;

    private static PtyProcess start(String command) throws IOException {
        return new PtyProcessBuilder(new String[] {"/bin/sh", "-c", command})
                .setEnvironment(Map.of("PATH", System.getenv("PATH"), "TERM", "xterm")).setConsole(false)
                .setInitialColumns(80).setInitialRows(24).start();
    }

    @Test
    void theJdksOwnReadsAreUsedWhenJavaIoIsOpened() throws Exception {
        PtyProcess p = start("exit 0");
        try {
            // Surefire opens java.io as ferry.jar's manifest does; without it PtyOutput falls back to JNA.
            assertThat(new PtyOutput(p).direct()).isTrue();
            assertThat(new PtyOutput(p, false).direct()).isFalse();
        } finally {
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {true, false})
    void theLastOutputOfAProgramThatExitsIsReadThenTheEnd(boolean direct) throws Exception {
        PtyProcess p = start("sleep 0.3; printf 'last-words'; exit 3");
        PtyOutput out = new PtyOutput(p, direct);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        try {
            for (int n; (n = out.read(buf)) > 0; ) all.write(buf, 0, n);
        } catch (IOException e) {
            // pty4j's way may end with EIO
        }
        assertThat(all.toString(StandardCharsets.US_ASCII)).isEqualTo("last-words");
        assertThat(p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1).isEqualTo(3);
        if (direct) assertThat(out.read(buf)).as("still the end").isEqualTo(-1);
    }

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {true, false})
    void aReaderWaitingOnAProgramThatIsKilledSeesTheEnd(boolean direct) throws Exception {
        PtyProcess p = start("exec sleep 60");
        PtyOutput out = new PtyOutput(p, direct);
        java.util.concurrent.CompletableFuture<Integer> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return out.read(new byte[1024]);
            } catch (IOException e) {
                return -1;   // pty4j's way may end with EIO
            }
        });
        Thread.sleep(300);   // the reader is blocked by now
        assertThat(read).isNotDone();
        p.destroyForcibly();
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
    }

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {true, false})
    void aFastProgramsOutputArrivesWholeAndInOrderInChunksLargerThanOnePtyRead(boolean direct) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 4_000_000; i++) text.append("line ").append(i).append(" of a fast program's output\r\n");
        Path file = dir.resolve("out.txt");
        Files.writeString(file, text);
        PtyProcess p = start("stty raw -echo; cat " + file);
        try {
            PtyOutput out = new PtyOutput(p, direct);
            byte[] buf = new byte[64 * 1024];
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            int reads = 0, largest = 0;
            try {
                for (int n; (n = out.read(buf)) > 0; ) {
                    all.write(buf, 0, n);
                    reads++;
                    largest = Math.max(largest, n);
                }
            } catch (IOException e) {
                // EIO: the program has gone
            }
            assertThat(all.toString(StandardCharsets.US_ASCII)).isEqualTo(text.toString());
            // pty4j alone hands out at most ~4 KB a read (about 1,000 reads here).
            assertThat(largest).isGreaterThan(4096);
            assertThat(reads).isLessThan(text.length() / 4096);
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {true, false})
    void aSingleEchoedKeyIsReturnedAtOnce(boolean direct) throws Exception {
        PtyProcess p = start("stty raw -echo; exec cat");
        try {
            PtyOutput out = new PtyOutput(p, direct);
            Thread.sleep(300);   // let stty run
            byte[] buf = new byte[64 * 1024];
            for (char c : "abc".toCharArray()) {
                p.getOutputStream().write(c);
                p.getOutputStream().flush();
                int n = out.read(buf);
                assertThat(n).isEqualTo(1);
                assertThat((char) buf[0]).isEqualTo(c);
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
