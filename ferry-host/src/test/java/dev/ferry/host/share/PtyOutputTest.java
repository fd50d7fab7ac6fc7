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

/** PtyOutput on a real PTY: every byte in order, in chunks larger than one PTY read, and a single key at once. */
class PtyOutputTest {
    @TempDir
    Path dir;

    private static PtyProcess start(String command) throws IOException {
        return new PtyProcessBuilder(new String[] {"/bin/sh", "-c", command})
                .setEnvironment(Map.of("PATH", System.getenv("PATH"), "TERM", "xterm")).setConsole(false)
                .setInitialColumns(80).setInitialRows(24).start();
    }

    @Test
    void aFastProgramsOutputArrivesWholeAndInOrderInChunksLargerThanOnePtyRead() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 4_000_000; i++) text.append("line ").append(i).append(" of a fast program's output\r\n");
        Path file = dir.resolve("out.txt");
        Files.writeString(file, text);
        PtyProcess p = start("stty raw -echo; cat " + file);
        try {
            PtyOutput out = new PtyOutput(p);
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

    @Test
    void aSingleEchoedKeyIsReturnedAtOnce() throws Exception {
        PtyProcess p = start("stty raw -echo; exec cat");
        try {
            PtyOutput out = new PtyOutput(p);
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
