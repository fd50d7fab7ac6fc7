package dev.ferry.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measurement 3, fan-out: one session (real PTY, the raw echo program) whose program output is a
 * top-like screen redrawn 10 times a second, or a bursty 1 MB/s stream (100 KB every 100 ms),
 * watched by N web participants. The host ({@link FanoutHost}, a process of its own) feeds the stream
 * through the PTY and types on its own keyboard every 20 ms meanwhile, measuring its own echo, which
 * must not suffer from the participants. Delivery lag: when a participant receives byte k, minus when
 * the host read byte k from its PTY (one clock: the machine's monotonic one, in both processes).
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
        try (FanoutHost.Handle host = new FanoutHost.Handle(ctx)) {
            Ctx.log("fanout: warming the host up (burst, no participant, not recorded)");
            host.open("burst");
            host.run(ctx.mode.fanoutSeconds());
            host.closeSession();
            for (String workload : workloads != null ? List.of(workloads.split(","))
                    : ctx.mode.name().equals("smoke") ? List.of("burst") : List.of("top", "burst")) {
                int[] counts = new int[ctx.mode.fanout().length + 1];
                System.arraycopy(ctx.mode.fanout(), 0, counts, 1, ctx.mode.fanout().length);
                if (only != null) counts = Arrays.stream(only.split(",")).mapToInt(Integer::parseInt).toArray();
                for (int n : counts) {
                    Ctx.log("fanout: " + workload + " to " + n + " participants");
                    out.add(once(host, workload, n));
                }
            }
        }
    }

    private Json once(FanoutHost.Handle host, String workload, int n) throws Exception {
        List<WebParticipant> ps = new ArrayList<>();
        List<Timeline> received = new ArrayList<>();
        for (int i = 0; i < n; i++) received.add(new Timeline());
        String token = host.open(workload);
        Json row;
        try {
            ps.addAll(Parallel.map(n, 16, 600, i -> {
                Timeline r = received.get(i);
                return WebParticipant.join(ctx.crowd, ctx.relay.httpPort, token, Ctx.DEFLATE,
                        b -> r.add(b.length, System.nanoTime()));
            }));
            Thread.sleep(1000);  // joins, snapshots and notices settle
            double cpu0 = ctx.relay.cpuSeconds();
            long t0 = System.nanoTime();
            FanoutHost.Result result = host.run(ctx.mode.fanoutSeconds());
            double seconds = (System.nanoTime() - t0) / 1e9;
            long total = result.chunks().total();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline && !allCaughtUp(received, total)) Thread.sleep(20);
            double cpu = ctx.relay.cpuSeconds() - cpu0;
            int keptUp = 0;
            double[] p50s = new double[n], p99s = new double[n];
            for (int i = 0; i < n; i++) {
                if (ps.get(i).snapshots.get() <= 1 && received.get(i).total() == total) keptUp++;
                Stats lag = lags(received.get(i), result.chunks());
                p50s[i] = lag.percentileMicros(50);
                p99s[i] = lag.percentileMicros(99);
            }
            double p50 = n == 0 ? Double.NaN : Stats.median(p50s), p99 = n == 0 ? Double.NaN : Stats.median(p99s);
            double worst = Arrays.stream(p99s).max().orElse(Double.NaN);
            double cpuPct = cpu / seconds * 100;
            Stats echo = new Stats();
            for (long e : result.echoNanos()) echo.add(e);
            Stats.Summary e = echo.summary();
            ctx.row(workload, Integer.toString(n), keptUp + "/" + n, Ctx.f(p50), Ctx.f(p99), Ctx.f(worst), Ctx.f(cpuPct),
                    Ctx.f(e.p50()), Ctx.f(e.p99()));
            row = Json.obj().put("workload", workload).put("participants", n).put("kept_up", keptUp)
                    .put("bytes_streamed", total).put("lag_p50_us_median", p50).put("lag_p99_us_median", p99)
                    .put("lag_p99_us_worst", worst).put("relay_cpu_percent", cpuPct).put("host_echo", e.json());
        } finally {
            Parallel.map(ps.size(), 32, 120, i -> {
                ps.get(i).close();
                return null;
            });
        }
        host.closeSession();
        return row;
    }

    /** Delivery lag of each receipt: when it arrived minus when the host read its last byte. */
    private static Stats lags(Timeline received, Timeline hostRead) {
        Stats s = new Stats();
        for (int i = 0; i < received.count(); i++) {
            long t = hostRead.timeOf(received.end(i) - 1);
            if (t > 0) s.add(received.time(i) - t);
        }
        return s;
    }

    private static boolean allCaughtUp(List<Timeline> received, long total) {
        for (Timeline r : received) if (r.total() < total) return false;
        return true;
    }
}
