package dev.ferry.bench.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measurement 5, wire efficiency: one scripted session (vim: type ten lines, edit, substitute,
 * save; then {@code ls -laR /etc}) in a real PTY running bash, driven by the participant's
 * keystrokes. A counting TCP proxy sits between the participant and the relay (or sshd) and
 * counts every byte each way, handshakes included; raw = what the PTY wrote.
 */
final class WireBench {
    private final Ctx ctx;

    WireBench(Ctx ctx) {
        this.ctx = ctx;
    }

    void run() throws Exception {
        System.out.println("\n5. Wire efficiency (bytes per participant for one scripted session)");
        ctx.row("path", "raw PTY bytes", "wire bytes", "wire/raw");
        Json out = Json.obj();
        ctx.results.put("wire", out);
        for (String path : new String[] {"ferry-web", "ferry-web-crowded", "ferry-web-nodeflate", "ferry-ssh", "ferry-ssh-compressed", "openssh",
                "openssh-compressed"}) {
            Ctx.log("wire: " + path);
            out.put(path, once(path));
        }
    }

    private Json once(String path) throws Exception {
        Path file = ctx.tmp.resolve("wire.txt");
        Files.deleteIfExists(file);
        String program = "cd " + ctx.tmp + " && exec env TERM=xterm PS1='$ ' HISTFILE=/dev/null bash --norc --noprofile -i";
        boolean ferry = path.startsWith("ferry");
        HostSession host = ferry ? HostSession.open(ctx.web, ctx.relay.httpPort, Ctx.sh(program), 80, 24) : null;
        long[] raw = new long[1];
        if (host != null) host.localSink = b -> raw[0] += b.length;
        Echo sink = new Echo();
        // A fifth participant of a session (the four others off the proxy) gets deflated frames.
        List<WebParticipant> others = new ArrayList<>();
        if (path.equals("ferry-web-crowded")) {
            for (int i = 0; i < 4; i++) others.add(WebParticipant.join(ctx.web, ctx.relay.httpPort, host.token(), true, b -> { }));
        }
        try (CountingProxy proxy = new CountingProxy(ferry ? (path.startsWith("ferry-ssh") ? ctx.relay.sshPort : ctx.relay.httpPort)
                : ctx.sshd.port)) {
            Term term = switch (path) {
                case "ferry-web", "ferry-web-crowded" -> WebParticipant.join(ctx.web, proxy.port(), host.token(), true, sink);
                case "ferry-web-nodeflate" -> WebParticipant.join(ctx.web, proxy.port(), host.token(), false, sink);
                case "ferry-ssh" -> SshTerm.open(ctx.ssh, proxy.port(), host.token(), ctx.key, null, sink);
                case "ferry-ssh-compressed" -> SshTerm.open(ctx.sshCompressed, proxy.port(), host.token(), ctx.key, null, sink);
                case "openssh" -> SshTerm.open(ctx.ssh, proxy.port(), Sshd.USER, ctx.key, program, sink);
                default -> SshTerm.open(ctx.sshCompressed, proxy.port(), Sshd.USER, ctx.key, program, sink);
            };
            try {
                if (host != null) host.typeLocally("\r".getBytes());  // a first prompt for the late joiner's screen
                quiet(sink, 500);
                script(term, sink);
            } finally {
                term.close();
            }
            Thread.sleep(300);
            long rawBytes = ferry ? raw[0] : sink.bytes;
            long wire = proxy.total();
            ctx.row(path, Long.toString(rawBytes), Long.toString(wire), Ctx.f((double) wire / rawBytes));
            return Json.obj().put("raw_pty_bytes", rawBytes).put("wire_bytes", wire).put("wire_up", proxy.up.get())
                    .put("wire_down", proxy.down.get()).put("ratio", (double) wire / rawBytes);
        } finally {
            for (WebParticipant o : others) o.close();
            if (host != null) host.close();
        }
    }

    private static void script(Term t, Echo sink) throws Exception {
        keys(t, "vim -u NONE -N -i NONE wire.txt\r", 20);
        quiet(sink, 700);
        keys(t, "i", 20);
        for (int i = 0; i < 10; i++) keys(t, "line " + i + ": the quick brown fox jumps over the lazy dog\r", 15);
        keys(t, "\033", 100);
        keys(t, "ggjjddpkkyyP", 60);
        keys(t, ":%s/quick/slow/g\r", 30);
        keys(t, "Gonew last line\033", 30);
        keys(t, ":wq\r", 30);
        quiet(sink, 700);
        keys(t, "ls -laR /etc 2>/dev/null\r", 20);
        quiet(sink, 1000);
        keys(t, "exit\r", 20);
        quiet(sink, 500);
    }

    private static void keys(Term t, String s, long gapMillis) throws Exception {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            t.send(new byte[] {b});
            Thread.sleep(gapMillis);
        }
    }

    /** Waits until nothing has arrived for {@code millis} (at most 30 s). */
    private static void quiet(Echo sink, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long last = -1, since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long b = sink.bytes;
            if (b != last) {
                last = b;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > millis * 1_000_000) {
                return;
            }
            Thread.sleep(20);
        }
    }
}
