package dev.ferry.bench.load;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The fan-out's host, in a JVM of its own: one load-host session (a real PTY running the echo
 * program) fed the workload, while it types on its own keyboard every 20 ms and times its echo.
 *
 * <p>Why a process of its own: inside the harness, 1,000 participants decoding 1 MB/s each allocated
 * about 5 GB/s, and the host's own small allocations (a copy of each PTY read) waited 0.1-0.3 s at a
 * time for memory, so its echo measured the harness's heap rather than the relay. A real host
 * ({@code ferry share}) is a JVM of its own as well.
 *
 * <p>It speaks to the harness one line at a time, one session after another: {@code open WORKLOAD}
 * (it answers {@code token T}), {@code go SECONDS} (it runs, writes what it measured to the file named
 * on its command line, answers {@code done}), {@code close} ({@code closed}).
 * {@code System.nanoTime} is the machine's monotonic clock, so its times compare with the harness's.
 */
final class FanoutHost {
    private FanoutHost() {}

    /** What the host measured: its echo times (nanoseconds) and when it read its PTY's output. */
    record Result(long[] echoNanos, Timeline chunks) {}

    /** args: relay HTTP port, result file. Then, from stdin: {@code open WORKLOAD}, {@code go SECONDS}, {@code close}, ... */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        WebSocketClient client = Ctx.webClient(new QueuedThreadPool(16), "fanout-host-ws");
        try {
            for (String open; (open = in.readLine()) != null && open.startsWith("open "); ) {
                HostSession host = HostSession.open(client, Integer.parseInt(args[0]), Ctx.sh(Ctx.ECHO), 80, 24);
                try {
                    out.println("token " + host.token());
                    String go = in.readLine();
                    if (go == null || !go.startsWith("go ")) return;
                    measure(host, open.substring("open ".length()), Long.parseLong(go.substring("go ".length())), Path.of(args[1]));
                    out.println("done");
                    in.readLine();   // "close": the harness has what it needs (its participants caught up)
                } finally {
                    host.close();
                }
                out.println("closed");
            }
        } finally {
            client.stop();
        }
    }

    private static void measure(HostSession host, String workload, long seconds, Path file) throws Exception {
        Timeline chunks = new Timeline();
        Echo echo = new Echo();
        host.localSink = b -> {
            chunks.add(b.length, System.nanoTime());
            echo.accept(b);
        };
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Long> echoes = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread feeder = Thread.ofPlatform().name("fanout-feed").start(() -> feed(host, workload, stop));
        for (int k = 0; System.nanoTime() < end; k++) {
            byte c = Echo.ALPHABET[k % Echo.ALPHABET.length];
            echo.expect(c);
            long s = System.nanoTime();
            host.typeLocally(new byte[] {c});
            long seen = echo.await(5000);
            if (seen > 0 && k >= 5) echoes.add(seen - s);
            Thread.sleep(20);
        }
        stop.set(true);
        feeder.join(10_000);
        Thread.sleep(200);   // the last output read
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (long e : echoes) w.write("echo " + e + "\n");
            for (int i = 0; i < chunks.count(); i++) w.write("chunk " + chunks.end(i) + " " + chunks.time(i) + "\n");
        }
    }

    /** The host process, from the harness's side: one session at a time, the same JVM for all (its JIT warm). */
    static final class Handle implements AutoCloseable {
        private final Process process;
        private final BufferedReader lines;
        private final BufferedWriter commands;
        private final Path resultFile;

        Handle(Ctx ctx) throws IOException {
            resultFile = Files.createTempFile(ctx.tmp, "fanout-host", ".txt");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "--add-opens", "java.base/java.io=ALL-UNNAMED", "-Xmx512m"));
            if (Runtime.version().feature() >= 23) cmd.add("--sun-misc-unsafe-memory-access=allow");
            for (String k : System.getProperties().stringPropertyNames()) {   // the load host's switches (bench.deflate, ...)
                if (k.startsWith("bench.")) cmd.add("-D" + k + "=" + System.getProperty(k));
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FanoutHost.class.getName(),
                    Integer.toString(ctx.relay.httpPort), resultFile.toString()));
            process = Procs.start(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT));
            lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        }

        /** Opens a session for {@code workload} (top or burst); returns its read-write token. */
        String open(String workload) throws IOException {
            return expect(command("open " + workload), "token ").substring("token ".length());
        }

        /** Runs the workload for {@code seconds} and returns what the host measured. */
        Result run(int seconds) throws IOException {
            expect(command("go " + seconds), "done");
            List<Long> echoes = new ArrayList<>();
            Timeline chunks = new Timeline();
            for (String l : Files.readAllLines(resultFile)) {
                String[] f = l.split(" ");
                if (f[0].equals("echo")) echoes.add(Long.parseLong(f[1]));
                else chunks.add((int) (Long.parseLong(f[1]) - chunks.total()), Long.parseLong(f[2]));
            }
            return new Result(echoes.stream().mapToLong(Long::longValue).toArray(), chunks);
        }

        /** Ends the session (after {@link #run}). */
        void closeSession() throws IOException {
            expect(command("close"), "closed");
        }

        private String command(String line) throws IOException {
            commands.write(line + "\n");
            commands.flush();
            return lines.readLine();
        }

        private static String expect(String line, String prefix) throws IOException {
            if (line == null || !line.startsWith(prefix)) throw new IOException("the fan-out host said '" + line + "', not " + prefix.strip());
            return line;
        }

        @Override
        public void close() {
            try {
                commands.close();   // end of its input: it closes its session and exits
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // it is killed below either way
            }
            Procs.kill(process.toHandle());
        }
    }

    private static void feed(HostSession host, String workload, AtomicBoolean stop) {
        try {
            byte[] burst = burst();
            for (int frame = 0; !stop.get(); frame++) {
                long next = System.nanoTime() + 100_000_000L;
                byte[] data = workload.equals("top") ? topScreen(frame) : burst;
                for (int off = 0; off < data.length && !stop.get(); off += 4096) {
                    host.typeLocally(Arrays.copyOfRange(data, off, Math.min(data.length, off + 4096)));
                }
                long wait = next - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        } catch (Exception e) {
            System.err.println("fanout feeder: " + e);
        }
    }

    /** 100 KB of directory-listing text. */
    static byte[] burst() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 100_000; i++) {
            sb.append(String.format("drwxr-xr-x 2 user staff %7d Nov 22 01:%02d src/main/java/dev/ferry/file%05d.java\r\n",
                    i * 31 % 99999, i % 60, i));
        }
        return sb.substring(0, 100_000).getBytes(StandardCharsets.US_ASCII);
    }

    /** One redraw of a top-like screen: header, inverse column titles, 20 process rows with changing numbers. */
    static byte[] topScreen(int frame) {
        StringBuilder sb = new StringBuilder("\033[H");
        sb.append(String.format("top - 01:%02d:%02d up 38 min,  1 user,  load average: %.2f, %.2f, %.2f\033[K\r\n",
                frame / 600 % 60, frame / 10 % 60, 3 + frame % 7 / 10.0, 4.2, 5.1));
        sb.append(String.format("Tasks: %d total,   %d running, %d sleeping,   0 stopped,   0 zombie\033[K\r\n", 250 + frame % 5, 1 + frame % 3, 249));
        sb.append(String.format("%%Cpu(s): %4.1f us,  3.1 sy,  0.0 ni, %4.1f id,  0.0 wa\033[K\r\n", 40 + frame % 30 / 1.0, 50 - frame % 30 / 1.0));
        sb.append("\033[K\r\n\033[7m    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND        \033[m\r\n");
        for (int i = 0; i < 19; i++) {
            int pid = 1000 + (i * 37 + frame) % 900;
            sb.append(String.format("%s%7d root      20   0 %7d %6d %6d %s %5.1f %5.1f %3d:%02d.%02d %-14s\033[m\033[K%s",
                    i < 3 ? "\033[1m" : "", pid, 100000 + i * 1234, 20000 + (frame * i) % 9999, 8000 + i, i < 2 ? "R" : "S",
                    (frame * (i + 3)) % 1000 / 10.0, i * 0.7, frame / 600, frame / 10 % 60, frame % 100,
                    "java-" + i, i < 18 ? "\r\n" : ""));
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
