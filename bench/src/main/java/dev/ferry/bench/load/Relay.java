package dev.ferry.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real {@code ferry relay} process on loopback, ephemeral ports read back from its banner. */
final class Relay implements AutoCloseable {
    final Process process;
    final int httpPort;
    final int sshPort;

    private Relay(Process process, int httpPort, int sshPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
    }

    static Relay start(Path jar, Path dataDir, List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 23) cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString(), "relay", "--listen", "127.0.0.1", "--http-port", "0", "--ssh-port", "0",
                "--data", dataDir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("FERRY_"));
        Process p = Procs.start(pb);
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
        Thread.ofPlatform().daemon().name("relay-out").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (!lines.offer(line) && System.getenv("BENCH_DEBUG") != null) System.err.println("relay: " + line);
                }
            } catch (IOException e) {
                // the relay exited
            }
        });
        int http = 0, ssh = 0;
        Pattern web = Pattern.compile("^web: http://[^:]+:(\\d+)/"), sshLine = Pattern.compile("^ssh: port (\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (http == 0 || ssh == 0) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                Procs.kill(p.toHandle());
                throw new IOException("the relay did not print its ports within 60 s");
            }
            Matcher m = web.matcher(line);
            if (m.find()) http = Integer.parseInt(m.group(1));
            m = sshLine.matcher(line);
            if (m.find()) ssh = Integer.parseInt(m.group(1));
        }
        return new Relay(p, http, ssh);
    }

    long pid() {
        return process.pid();
    }

    double cpuSeconds() {
        return Procs.cpuSeconds(pid());
    }

    long rssBytes() {
        return Procs.rssBytes(pid());
    }

    /** Writes {@code jcmd GC.class_histogram} (live objects: it runs a full GC first) to {@code file}. */
    void classHistogram(Path file) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        java.nio.file.Files.writeString(file, Procs.run(jcmd, Long.toString(pid()), "GC.class_histogram"));
    }

    /** Heap in use after a full GC, in bytes, from {@code jcmd GC.heap_info} (G1: "used NNNK"). */
    long heapAfterGc() throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Procs.run(jcmd, Long.toString(pid()), "GC.run");
        String info = Procs.run(jcmd, Long.toString(pid()), "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) throw new IOException("unexpected GC.heap_info output: " + info);
        return Long.parseLong(m.group(1)) * 1024;
    }

    @Override
    public void close() {
        Procs.kill(process.toHandle());
    }
}
