package dev.ferry.bench;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import dev.ferry.host.share.PtyOutput;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What reading a fast program's PTY costs the host: {@code cat} of an {@code ls -l}-like file
 * through {@link PtyOutput}, its two ways alternately (the JDK's reads on a dup of the master, and
 * pty4j with JNA), the reader thread's CPU per GB. {@code bench/jmh --pty [MB] [rounds]}; needs
 * {@code --add-opens java.base/java.io} for the first way (the script passes it).
 */
public final class PtyReadCost {
    private PtyReadCost() {}

    public static void main(String[] args) throws Exception {
        long size = (args.length > 0 ? Long.parseLong(args[0]) : 150) * 1_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path file = Files.createTempFile("ferry-pty-read", ".txt");
        try {
            write(file, size);
            System.out.printf("reading %d MB of cat output through a PTY, reader CPU per GB (the first round of each is warm-up)%n", size / 1_000_000);
            for (int r = 0; r < rounds; r++) {
                for (boolean direct : new boolean[] {true, false}) {
                    once(file, direct, r);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void write(Path file, long size) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            long written = 0;
            for (int i = 0; written < size; i++) {
                String line = String.format("-rw-r--r-- 1 root root %7d Dec  7 10:%02d file-%d.txt%n", (i * 7919L) % 9_999_999, i % 60, i);
                w.write(line);
                written += line.length();
            }
        }
    }

    private static void once(Path file, boolean direct, int round) throws Exception {
        PtyProcess p = new PtyProcessBuilder(new String[] {"/bin/sh", "-c", "stty raw -echo; exec cat " + file})
                .setEnvironment(Map.of("PATH", System.getenv("PATH"), "TERM", "xterm")).setConsole(false)
                .setInitialColumns(80).setInitialRows(24).start();
        try {
            PtyOutput out = new PtyOutput(p, direct);
            byte[] buf = new byte[64 * 1024];
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime(), total = 0;
            try {
                for (int n; (n = out.read(buf)) > 0; ) total += n;
            } catch (IOException e) {
                // EIO: cat has gone (pty4j's way)
            }
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9, wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf("  round %d, %-26s %,d bytes in %.2f s (%.0f MB/s), reader CPU %.2f s = %.2f s/GB%n", round,
                    out.direct() ? "JDK reads on a dup:" : "pty4j and JNA:", total, wall, total / wall / 1e6, cpu, cpu / (total / 1e9));
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
    }
}
