package dev.ferry.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Measurement 3, fan-out: one session (real PTY, the raw echo program) whose program output is a
 * top-like screen redrawn 10 times a second, or a bursty 1 MB/s stream (100 KB every 100 ms),
 * watched by N web participants. The load host feeds the stream through the PTY and types on its
 * own keyboard every 20 ms meanwhile, measuring its own echo, which must not suffer from the
 * participants. Delivery lag: when a participant receives byte k, minus when the host read byte
 * k from its PTY (one clock: all in this process).
 */
final class FanoutBench {
    private final Ctx ctx;

    FanoutBench(Ctx ctx) {
        this.ctx = ctx;
    }

    void run() throws Exception {
        System.out.println("\n3. Fan-out (lag and echo in microseconds; relay CPU in % of one core)");
        ctx.row("workload", "participants", "kept up", "lag p50 (median)", "lag p99 (median)", "lag p99 (worst)", "relay CPU %",
                "host echo p50", "host echo p99");
        Json out = Json.arr();
        ctx.results.put("fanout", out);
        // -Dbench.fanout.workloads=burst and -Dbench.fanout.participants=0,100: just those (to profile one)
        String workloads = System.getProperty("bench.fanout.workloads"), only = System.getProperty("bench.fanout.participants");
        for (String workload : workloads != null ? List.of(workloads.split(","))
                : ctx.mode.name().equals("smoke") ? List.of("burst") : List.of("top", "burst")) {
            int[] counts = new int[ctx.mode.fanout().length + 1];
            System.arraycopy(ctx.mode.fanout(), 0, counts, 1, ctx.mode.fanout().length);
            if (only != null) counts = Arrays.stream(only.split(",")).mapToInt(Integer::parseInt).toArray();
            for (int n : counts) {
                Ctx.log("fanout: " + workload + " to " + n + " participants");
                out.add(once(workload, n));
            }
        }
    }

    /** When the host read each byte of its PTY's output: cumulative end offsets and nanoTimes, appended by one thread. */
    static final class Chunks {
        final long[] ends = new long[1 << 20], times = new long[1 << 20];
        volatile int count;
        long total;

        void add(int n, long now) {
            if (count == ends.length) return;
            total += n;
            ends[count] = total;
            times[count] = now;
            count = count + 1;
        }

        /** The time the host read byte {@code offset} (0-based); -1 if not known. */
        long timeOf(long offset) {
            int c = count;
            int i = Arrays.binarySearch(ends, 0, c, offset + 1);
            if (i < 0) i = -i - 1;
            return i < c ? times[i] : -1;
        }
    }

    private Json once(String workload, int n) throws Exception {
        HostSession host = HostSession.open(ctx.web, ctx.relay.httpPort, Ctx.sh(Ctx.ECHO), 80, 24);
        Chunks chunks = new Chunks();
        Echo hostEcho = new Echo();
        host.localSink = b -> {
            chunks.add(b.length, System.nanoTime());
            hostEcho.accept(b);
        };
        List<WebParticipant> ps = new ArrayList<>();
        List<Stats> lags = new ArrayList<>();
        List<long[]> received = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Stats lag = new Stats();
                long[] got = new long[1];
                lags.add(lag);
                received.add(got);
            }
            ps.addAll(Parallel.map(n, 16, 600, i -> {
                Stats lag = lags.get(i);
                long[] got = received.get(i);
                Consumer<byte[]> sink = b -> {
                    long now = System.nanoTime();
                    got[0] += b.length;
                    long t = chunks.timeOf(got[0] - 1);
                    if (t > 0) lag.add(now - t);
                };
                return WebParticipant.join(ctx.web, ctx.relay.httpPort, host.token(), Ctx.DEFLATE, sink);
            }));
            Thread.sleep(1000);  // joins, snapshots and notices settle
            Stats echo = new Stats();
            AtomicBoolean stop = new AtomicBoolean();
            double cpu0 = ctx.relay.cpuSeconds();
            long t0 = System.nanoTime();
            Thread feeder = Thread.ofPlatform().name("fanout-feed").start(() -> feed(host, workload, stop));
            long end = t0 + ctx.mode.fanoutSeconds() * 1_000_000_000L;
            for (int k = 0; System.nanoTime() < end; k++) {
                byte c = Echo.ALPHABET[k % Echo.ALPHABET.length];
                hostEcho.expect(c);
                long s = System.nanoTime();
                host.typeLocally(new byte[] {c});
                long seen = hostEcho.await(5000);
                if (seen > 0 && k >= 5) echo.add(seen - s);
                Thread.sleep(20);
            }
            stop.set(true);
            feeder.join(10_000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline && !allCaughtUp(received, chunks.total)) Thread.sleep(20);
            double cpu = ctx.relay.cpuSeconds() - cpu0;
            int keptUp = 0;
            double[] p50s = new double[n], p99s = new double[n];
            for (int i = 0; i < n; i++) {
                if (ps.get(i).snapshots.get() <= 1 && received.get(i)[0] == chunks.total) keptUp++;
                p50s[i] = lags.get(i).percentileMicros(50);
                p99s[i] = lags.get(i).percentileMicros(99);
            }
            double p50 = n == 0 ? Double.NaN : Stats.median(p50s), p99 = n == 0 ? Double.NaN : Stats.median(p99s);
            double worst = Arrays.stream(p99s).max().orElse(Double.NaN);
            double cpuPct = cpu / seconds * 100;
            Stats.Summary e = echo.summary();
            ctx.row(workload, Integer.toString(n), keptUp + "/" + n, Ctx.f(p50), Ctx.f(p99), Ctx.f(worst), Ctx.f(cpuPct),
                    Ctx.f(e.p50()), Ctx.f(e.p99()));
            return Json.obj().put("workload", workload).put("participants", n).put("kept_up", keptUp)
                    .put("bytes_streamed", chunks.total).put("lag_p50_us_median", p50).put("lag_p99_us_median", p99)
                    .put("lag_p99_us_worst", worst).put("relay_cpu_percent", cpuPct).put("host_echo", e.json());
        } finally {
            Parallel.map(ps.size(), 32, 120, i -> {
                ps.get(i).close();
                return null;
            });
            host.close();
        }
    }

    private static boolean allCaughtUp(List<long[]> received, long total) {
        for (long[] r : received) if (r[0] < total) return false;
        return true;
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
            Ctx.log("fanout feeder: " + e);
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
