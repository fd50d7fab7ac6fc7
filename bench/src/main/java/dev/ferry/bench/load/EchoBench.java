package dev.ferry.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measurement 1, keystroke echo latency: a participant sends one byte, the PTY's raw-mode echo
 * program writes it back, the participant sees it. Through Ferry's web protocol, through Ferry's
 * SSH side, through OpenSSH (same program, same MINA client), and a bare WebSocket round trip.
 * At N > 1 every session types at once, one keystroke every 50-150 ms (about 10 a second).
 */
final class EchoBench {
    static final long THINK_MILLIS = 100;
    /** -Dbench.inline=true: the load host echoes in-process instead of through a PTY (to separate the PTY's share). */
    static final boolean INLINE = Boolean.getBoolean("bench.inline");

    private final Ctx ctx;

    EchoBench(Ctx ctx) {
        this.ctx = ctx;
    }

    void run() throws Exception {
        Json out = Json.arr();
        ctx.results.put("echo_latency", out);
        System.out.println("\n1. Keystroke echo latency (microseconds)");
        ctx.row("sessions", "path", "n", "p50", "p90", "p99", "max", "lost", "server CPU %", "server CPU µs/key", "hosts' CPU µs/key",
                "harness CPU %");
        int[] sessions = System.getProperty("bench.sessions") == null ? ctx.mode.sessions()
                : java.util.Arrays.stream(System.getProperty("bench.sessions").split(",")).mapToInt(Integer::parseInt).toArray();
        for (int n : sessions) {
            Map<String, Stats> stats = new LinkedHashMap<>();
            Map<String, AtomicInteger> lost = new LinkedHashMap<>();
            Map<String, PhaseCpu> cpu = new LinkedHashMap<>();
            for (String p : List.of("ws-roundtrip", "ferry-web", "ferry-ssh", "openssh")) {
                stats.put(p, new Stats());
                lost.put(p, new AtomicInteger());
            }
            boolean ssh = java.util.Arrays.stream(ctx.mode.sshSessions()).anyMatch(x -> x == n);
            int perSession = n == 1 ? ctx.mode.keystrokes() : Math.max(20, ctx.mode.keystrokes() / n);
            int warm = n == 1 ? Math.min(500, ctx.mode.keystrokes() / 4) : 3;
            long think = n == 1 ? 0 : THINK_MILLIS;
            Ctx.log("echo: opening " + n + " host sessions with a PTY each");
            List<HostSession> hosts = Parallel.map(n, 16, 600,
                    i -> HostSession.open(ctx.hostWeb, ctx.relay.httpPort, INLINE ? null : Ctx.sh(Ctx.ECHO), 80, 24));
            try {
                for (int round = 0; round < (n == 1 ? ctx.mode.rounds() : 1); round++) {
                    if (n == 1) {
                        Ctx.log("echo: bare WebSocket round trip");
                        type(n, perSession, warm, think, false, stats.get("ws-roundtrip"), lost.get("ws-roundtrip"),
                                e -> WsEchoClient.open(ctx.web, ctx.wsEcho.port, true, e));
                        cpu.put("ws-roundtrip", lastCpu);
                    }
                    Ctx.log("echo: ferry web, " + n + " sessions");
                    type(n, perSession, warm, think, true, stats.get("ferry-web"), lost.get("ferry-web"),
                            e -> WebParticipant.join(ctx.web, ctx.relay.httpPort, hosts.get(e.index).token(), Ctx.DEFLATE, e));
                    cpu.put("ferry-web", lastCpu);
                    if (!ssh) continue;
                    Ctx.log("echo: openssh, " + n + " sessions");
                    type(n, perSession, warm, think, false, stats.get("openssh"), lost.get("openssh"),
                            e -> SshTerm.open(ctx.ssh, ctx.sshd.port, Sshd.USER, ctx.key, Ctx.ECHO, e));
                    cpu.put("openssh", lastCpu);
                    Ctx.log("echo: ferry ssh, " + n + " sessions");
                    type(n, perSession, warm, think, true, stats.get("ferry-ssh"), lost.get("ferry-ssh"),
                            e -> SshTerm.open(ctx.ssh, ctx.relay.sshPort, hosts.get(e.index).token(), ctx.key, null, e));
                    cpu.put("ferry-ssh", lastCpu);
                }
            } finally {
                hosts.forEach(HostSession::close);
            }
            Json row = Json.obj().put("sessions", n).put("keystrokes_per_session", perSession).put("think_ms", think);
            for (var e : stats.entrySet()) {
                if (e.getValue().count() == 0) continue;
                Stats.Summary s = e.getValue().summary();
                PhaseCpu c = cpu.getOrDefault(e.getKey(), new PhaseCpu(Double.NaN, Double.NaN, Double.NaN, Double.NaN));
                row.put(e.getKey(), s.json().put("lost", lost.get(e.getKey()).get()).put("server_cpu_percent", c.serverPercent())
                        .put("server_cpu_us_per_keystroke", c.serverMicrosPerKey()).put("hosts_cpu_us_per_keystroke", c.hostsMicrosPerKey())
                        .put("harness_cpu_percent", c.harnessPercent()));
                ctx.row(Integer.toString(n), e.getKey(), Integer.toString(s.n()), Ctx.f(s.p50()), Ctx.f(s.p90()), Ctx.f(s.p99()),
                        Ctx.f(s.max()), Integer.toString(lost.get(e.getKey()).get()), Ctx.f(c.serverPercent()),
                        Ctx.f(c.serverMicrosPerKey()), Ctx.f(c.hostsMicrosPerKey()), Ctx.f(c.harnessPercent()));
            }
            Stats.Summary o = stats.get("openssh").count() > 0 ? stats.get("openssh").summary() : null;
            Stats.Summary w = stats.get("ws-roundtrip").count() > 0 ? stats.get("ws-roundtrip").summary() : null;
            Stats.Summary fw = stats.get("ferry-web").summary();
            if (o != null) {
                Stats.Summary fs = stats.get("ferry-ssh").summary();
                row.put("ratio_web_over_openssh_p50", fw.p50() / o.p50()).put("ratio_web_over_openssh_p99", fw.p99() / o.p99())
                        .put("ratio_ssh_over_openssh_p50", fs.p50() / o.p50()).put("ratio_ssh_over_openssh_p99", fs.p99() / o.p99());
                ctx.row(Integer.toString(n), "ratio ferry-web/openssh", "", Ctx.f(fw.p50() / o.p50()), Ctx.f(fw.p90() / o.p90()),
                        Ctx.f(fw.p99() / o.p99()), "", "");
                ctx.row(Integer.toString(n), "ratio ferry-ssh/openssh", "", Ctx.f(fs.p50() / o.p50()), Ctx.f(fs.p90() / o.p90()),
                        Ctx.f(fs.p99() / o.p99()), "", "");
            }
            if (w != null) {
                row.put("ratio_web_over_ws_roundtrip_p50", fw.p50() / w.p50());
                ctx.row(Integer.toString(n), "ratio ferry-web/ws-roundtrip", "", Ctx.f(fw.p50() / w.p50()), "", "", "", "");
            }
            out.add(row);
        }
    }

    /** An echo watcher that knows which session it belongs to. */
    static final class IndexedEcho extends Echo {
        final int index;

        IndexedEcho(int index) {
            this.index = index;
        }
    }

    interface Opener {
        Term open(IndexedEcho echo) throws Exception;
    }

    /**
     * CPU used during a typing phase: the relay's (or every sshd process's) in % of one core and in
     * microseconds per keystroke typed; the load hosts' threads per keystroke (Ferry's paths only: they
     * read the PTY and send its output, which OpenSSH's session processes do inside the server figure);
     * and this whole harness's (clients and load hosts) in % of one core.
     */
    record PhaseCpu(double serverPercent, double serverMicrosPerKey, double hostsMicrosPerKey, double harnessPercent) { }

    PhaseCpu lastCpu;

    /** Types in every session at once; {@code hostsUsed}: the path goes through the load hosts (Ferry's). */
    private void type(int n, int perSession, int warm, long think, boolean hostsUsed, Stats stats, AtomicInteger lost, Opener opener)
            throws Exception {
        List<IndexedEcho> echoes = new ArrayList<>();
        for (int i = 0; i < n; i++) echoes.add(new IndexedEcho(i));
        List<Term> terms = Parallel.map(n, 16, 600, i -> opener.open(echoes.get(i)));
        try {
            Thread.sleep(300);  // let joins settle (snapshots, notices)
            double relay0 = ctx.relay.cpuSeconds(), sshd0 = ctx.sshd.cpuSeconds(), self0 = Procs.ownCpuSeconds();
            double hosts0 = Procs.threadCpuSeconds(Ctx.HOST_THREADS);
            long w0 = System.nanoTime();
            Parallel.map(n, n, 900, i -> {
                Term t = terms.get(i);
                Echo e = echoes.get(i);
                ThreadLocalRandom r = ThreadLocalRandom.current();
                if (think > 0) Thread.sleep(r.nextLong(think));  // spread the sessions' phases
                for (int k = 0; k < warm + perSession; k++) {
                    byte c = Echo.ALPHABET[k % Echo.ALPHABET.length];
                    e.expect(c);
                    long t0 = System.nanoTime();
                    try {
                        t.send(new byte[] {c});
                    } catch (java.io.IOException x) {  // this session's connection broke: the rest of its keystrokes are lost
                        lost.addAndGet(warm + perSession - k);
                        Ctx.log("echo: session " + i + ": " + x.getMessage());
                        return null;
                    }
                    long seen = e.await(5000);
                    if (seen < 0) lost.incrementAndGet();
                    else if (k >= warm) stats.add(seen - t0);
                    if (think > 0) Thread.sleep(think / 2 + r.nextLong(think));
                }
                return null;
            });
            double wall = (System.nanoTime() - w0) / 1e9;
            double server = ctx.relay.cpuSeconds() - relay0 + ctx.sshd.cpuSeconds() - sshd0;
            double hosts = Procs.threadCpuSeconds(Ctx.HOST_THREADS) - hosts0;
            long keys = (long) n * (warm + perSession);
            lastCpu = new PhaseCpu(server / wall * 100, server * 1e6 / keys, hostsUsed ? hosts * 1e6 / keys : Double.NaN,
                    (Procs.ownCpuSeconds() - self0) / wall * 100);
        } finally {
            Parallel.map(n, 16, 120, i -> {
                terms.get(i).close();
                return null;
            });
        }
    }
}
