package dev.ferry.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Measurement 4, scale: N idle sessions, each with its host connected (the load host, no PTY),
 * 80x24, history full (2,100 lines written, the terminal keeps 2,000). The relay's heap after a
 * full GC and its RSS, minus the same before, per session: first 2 s after the output ("fresh"),
 * then once the sessions have been quiet past the relay's compaction delay ("idle", 13 s), when
 * their scrollback is kept deflated.
 */
final class ScaleBench {
    private final Ctx ctx;

    ScaleBench(Ctx ctx) {
        this.ctx = ctx;
    }

    void run() throws Exception {
        System.out.println("\n4. Scale: idle sessions (80x24, full history)");
        ctx.row("sessions", "state", "heap/session KB", "RSS/session KB", "heap total MB", "RSS total MB");
        Json out = Json.arr();
        ctx.results.put("scale", out);
        byte[] history = history();
        String only = System.getProperty("bench.scale.sessions");   // e.g. 10000: just that count
        int[] counts = only == null ? ctx.mode.idle()
                : java.util.Arrays.stream(only.split(",")).mapToInt(Integer::parseInt).toArray();
        for (int n : counts) {
            Thread.sleep(1000);
            long heap0 = ctx.relay.heapAfterGc(), rss0 = ctx.relay.rssBytes();
            Ctx.log("scale: opening " + n + " idle sessions");
            List<HostSession> hosts = Parallel.map(n, 32, 900, i -> {
                HostSession h = HostSession.open(ctx.web, ctx.relay.httpPort, null, 80, 24);
                h.output(history);
                return h;
            });
            try {
                Json row = Json.obj().put("sessions", n).put("heap_bytes_before", heap0).put("rss_bytes_before", rss0);
                Thread.sleep(Long.getLong("bench.scale.settle.ms", 2000));   // the recorders are still writing the history for a while
                measure(n, "fresh", heap0, rss0, row, "");
                Thread.sleep(Long.getLong("bench.scale.idle.ms", 11_000));   // past the relay's 10 s before it compacts a quiet screen
                measure(n, "idle", heap0, rss0, row, "idle_");
                String histogram = System.getProperty("bench.scale.histogram");   // a file: what the live sessions hold
                if (histogram != null) ctx.relay.classHistogram(java.nio.file.Path.of(histogram + "-" + n + ".txt"));
                out.add(row);
            } finally {
                Parallel.map(n, 64, 300, i -> {
                    hosts.get(i).close();
                    return null;
                });
            }
        }
    }

    private void measure(int n, String state, long heap0, long rss0, Json row, String prefix) throws Exception {
        long heap = ctx.relay.heapAfterGc(), rss = ctx.relay.rssBytes();
        double heapPer = (heap - heap0) / 1024.0 / n, rssPer = (rss - rss0) / 1024.0 / n;
        ctx.row(Integer.toString(n), state, Ctx.f(heapPer), Ctx.f(rssPer), Ctx.f(heap / 1e6), Ctx.f(rss / 1e6));
        row.put(prefix + "heap_kb_per_session", heapPer).put(prefix + "rss_kb_per_session", rssPer)
                .put(prefix + "heap_bytes", heap).put(prefix + "rss_bytes", rss);
    }

    /** 2,100 lines of coloured, varied text (what a busy shell leaves behind). */
    static byte[] history() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2100; i++) {
            sb.append(i % 10 == 0 ? "\033[1;34m" : "").append(String.format("%05d", i))
                    .append(i % 10 == 0 ? "\033[m" : "").append(" -rw-r--r-- 1 user staff ")
                    .append(String.format("%8d", i * 7919 % 10_000_000)).append(" Nov 22 01:00 some/path/to/a/file-")
                    .append(i).append(".txt\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
