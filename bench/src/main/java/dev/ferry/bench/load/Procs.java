package dev.ferry.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Every process the harness starts is registered here and killed (with its descendants) in
 * {@link #killAll}, which runs in a finally block and in a shutdown hook: nothing is left behind.
 */
final class Procs {
    private static final List<ProcessHandle> started = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Procs::killAll, "bench-cleanup"));
    }

    private Procs() {}

    static Process start(ProcessBuilder pb) throws IOException {
        Process p = pb.start();
        started.add(p.toHandle());
        return p;
    }

    static void kill(ProcessHandle p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroy();
        try {
            p.onExit().get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        started.remove(p);
    }

    /** Kills what was registered, then every remaining descendant of the harness (PTY programs, shells). */
    static void killAll() {
        for (ProcessHandle p : new ArrayList<>(started)) kill(p);
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** CPU seconds (user + system) of a process and its live descendants, from /proc (see {@link #cpuOf}). */
    static double cpuSeconds(long pid) {
        return cpuSeconds(pid, null);
    }

    /** Same, counting only descendants whose command name starts with {@code commPrefix} (all when null). */
    static double cpuSeconds(long pid, String commPrefix) {
        double total = cpuOf(pid);
        for (ProcessHandle d : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
            if (commPrefix == null || comm(proc(d.pid())).startsWith(commPrefix)) total += cpuOf(d.pid());
        }
        return total;
    }

    /** CPU seconds of this harness process alone. */
    static double ownCpuSeconds() {
        return cpuOf(ProcessHandle.current().pid());
    }

    /**
     * CPU seconds of this process's live threads whose names start with one of {@code prefixes}, from
     * /proc/self/task (nanoseconds; the kernel keeps the first 15 characters of a thread's name).
     * Threads that ended are not counted, nor is what the JVM does for them (GC, JIT).
     */
    static double threadCpuSeconds(String... prefixes) {
        double total = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                String name = comm(t);
                for (String p : prefixes) {
                    if (!p.isEmpty() && name.startsWith(p)) {
                        total += schedstatSeconds(t, 0);   // 0: the thread ended meanwhile
                        break;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return total;
    }

    /** The name the kernel gives the threads that carry virtual threads ("ForkJoinPool-1-" here), as a prefix. */
    static String carrierThreads() {
        try {
            var name = new java.util.concurrent.atomic.AtomicReference<String>("");
            Thread.ofVirtual().start(() -> name.set(comm(Path.of("/proc/thread-self")))).join();
            return name.get().replaceAll("\\d+$", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static Path proc(long pid) {
        return Path.of("/proc/" + pid);
    }

    /** The command (or thread) name of a /proc directory (a process's, or one of its tasks'); "" once gone. */
    private static String comm(Path dir) {
        try {
            return Files.readString(dir.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * CPU seconds of one process. /proc/PID/stat counts every thread, dead ones included, but in 10 ms
     * ticks rounded down per process, so 1,000 of sshd's per-connection processes using a few ms each
     * would read as almost nothing; a single-threaded process is read from /proc/PID/schedstat instead,
     * in nanoseconds (it is per thread, which for such a process is the whole of it).
     */
    private static double cpuOf(long pid) {
        try {
            String s = Files.readString(proc(pid).resolve("stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // stat's fields 14, 15 (utime, stime) and 20 (num_threads) are at 11, 12 and 17 after the command name
            double ticks = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            return Long.parseLong(f[17]) == 1 ? schedstatSeconds(proc(pid), ticks) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU seconds of one thread (a single-threaded process's, or a task's), from its schedstat in nanoseconds. */
    private static double schedstatSeconds(Path dir, double orElse) {
        try {
            String s = Files.readString(dir.resolve("schedstat"));
            return Long.parseLong(s.substring(0, s.indexOf(' '))) / 1e9;
        } catch (IOException | RuntimeException e) {   // a kernel without schedstat, or a thread that ended
            return orElse;
        }
    }

    /** Resident set size in bytes, from /proc/PID/status. */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(proc(pid).resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // gone
        }
        return -1;
    }

    /** Runs a short command and returns its output; fails when it fails or takes over 60 s. */
    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        started.add(p.toHandle());
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + new String(out).strip());
            }
            return new String(out);
        } finally {
            started.remove(p.toHandle());
            p.destroyForcibly();
        }
    }
}
