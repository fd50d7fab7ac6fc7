package dev.ferry.bench.load;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Measurement 2, throughput: the shared program writes a big file (text lines, like ls -l) and
 * then an end mark; the time from the participant's start key to seeing the mark. Ferry web,
 * Ferry SSH (rendered frames: the joiner sees every screen it can, not every byte), OpenSSH with
 * a PTY and the same program. Relay CPU: the relay process (Ferry) or every sshd process (OpenSSH).
 */
public final class ThroughputBench {
    private final Ctx ctx;

    ThroughputBench(Ctx ctx) {
        this.ctx = ctx;
    }

    void run() throws Exception {
        long size = Long.getLong("bench.throughput.bytes", ctx.mode.throughputBytes());
        Path file = ctx.tmp.resolve("output.txt");
        writeFile(file, size);
        // Waits for one key (so the participant is watching before it starts), writes the file, then the end mark.
        String program = "stty raw -echo; head -c 1 >/dev/null; cat " + file + "; printf '\\r\\n%s\\r\\n' '" + (char) Echo.ALPHABET[0] + "'";
        System.out.println("\n2. Throughput: the program writes " + size / 1_000_000 + " MB");
        ctx.row("path", "MB/s", "seconds", "relay CPU s/GB", "harness CPU s/GB", "hosts' CPU s/GB", "bytes received", "resyncs");
        Json out = Json.obj().put("bytes", size);
        ctx.results.put("throughput", out);
        // A relay runs for days: its JIT is warm. So are the harness's clients after the first pass. One
        // unmeasured pass of each Ferry path first, at a quarter of the size (its figures go to the JSON
        // as "_warmup"); without it the first round measured compilation (30 against 50-67 MB/s, web).
        if (!Boolean.getBoolean("bench.throughput.cold")) {
            long warm = Math.max(1, size / 4);
            Path warmFile = ctx.tmp.resolve("warmup.txt");
            writeFile(warmFile, warm);
            String warmProgram = program.replace(file.toString(), warmFile.toString());
            for (String path : new String[] {"ferry-web", "ferry-ssh"}) {
                Ctx.log("throughput: warming up " + path);
                out.put(path + "_warmup", once(path, warmProgram, warm, false));
            }
        }
        for (int round = 0; round < (ctx.mode.rounds() > 1 ? 2 : 1); round++) {
            for (String path : new String[] {"ferry-web", "openssh", "ferry-ssh"}) {
                Ctx.log("throughput: " + path);
                Json r = once(path, program, size, true);
                out.put(path + (round == 0 ? "" : "_round" + (round + 1)), r);
            }
        }
    }

    /**
     * The load host's threads: its PTY reader, its client's pool, and the carriers of virtual threads,
     * which here run only its sender (FramePipe hands fast output to a virtual thread, which compresses
     * and writes it); a throughput pass runs no other virtual thread in the harness.
     */
    private final String[] hostThreads = Stream.concat(Stream.of(Ctx.HOST_THREADS), Stream.of(Procs.carrierThreads()))
            .toArray(String[]::new);

    private Json once(String path, String program, long size, boolean print) throws Exception {
        HostSession host = path.startsWith("ferry") ? HostSession.open(ctx.hostWeb, ctx.relay.httpPort, Ctx.sh(program), 80, 24) : null;
        Echo end = new Echo();
        WebParticipant web = null;
        Term term;
        try {
            term = switch (path) {
                case "ferry-web" -> web = WebParticipant.join(ctx.web, ctx.relay.httpPort, host.token(), Ctx.DEFLATE, end);
                case "ferry-ssh" -> SshTerm.open(ctx.ssh, ctx.relay.sshPort, host.token(), ctx.key, null, end);
                default -> SshTerm.open(ctx.ssh, ctx.sshd.port, Sshd.USER, ctx.key, program, end);
            };
            try {
                Thread.sleep(500);
                double cpu0 = path.startsWith("ferry") ? ctx.relay.cpuSeconds() : ctx.sshd.cpuSeconds();
                double self0 = Procs.ownCpuSeconds(), hosts0 = Procs.threadCpuSeconds(hostThreads);
                end.expect(Echo.ALPHABET[0]);
                long t0 = System.nanoTime();
                if (host != null) host.typeLocally("x".getBytes()); else term.send("x".getBytes());
                long seen = end.await(600_000);
                if (seen < 0) throw new IOException(path + ": no end mark within 600 s");
                double seconds = (seen - t0) / 1e9;
                double cpu = (path.startsWith("ferry") ? ctx.relay.cpuSeconds() : ctx.sshd.cpuSeconds()) - cpu0;
                // The harness is the other end of the pipe: for Ferry the load host (PTY reads, compression)
                // and the participant; for OpenSSH the SSH client alone. The 2 cores are shared by all of it.
                double harnessPerGb = (Procs.ownCpuSeconds() - self0) / (size / 1e9);
                double hostsPerGb = host == null ? Double.NaN : (Procs.threadCpuSeconds(hostThreads) - hosts0) / (size / 1e9);
                double mbps = size / 1e6 / seconds, cpuPerGb = cpu / (size / 1e9);
                int resyncs = web == null ? 0 : Math.max(0, web.snapshots.get() - 1);
                if (print) ctx.row(path, Ctx.f(mbps), Ctx.f(seconds), Ctx.f(cpuPerGb), Ctx.f(harnessPerGb), Ctx.f(hostsPerGb),
                        Long.toString(end.bytes), Integer.toString(resyncs));
                return Json.obj().put("mb_per_s", mbps).put("seconds", seconds).put("cpu_s_per_gb", cpuPerGb).put("harness_cpu_s_per_gb", harnessPerGb)
                        .put("hosts_cpu_s_per_gb", hostsPerGb)
                        .put("bytes_received", end.bytes).put("resyncs", resyncs);
            } finally {
                term.close();
            }
        } finally {
            if (host != null) host.close();
        }
    }

    /** Text like a long ls -l: no escape sequences, no character of the keystroke alphabet. */
    static void writeFile(Path file, long size) throws IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            long written = 0;
            for (int i = 0; written < size; i++) {
                byte[] line = line(i).getBytes(StandardCharsets.US_ASCII);
                int n = (int) Math.min(line.length, size - written);
                o.write(line, 0, n);
                written += n;
            }
        }
    }

    /** Line i of that text, CR LF included. Public for the engine's JMH input of the same text. */
    public static String line(int i) {
        return String.format("-rw-r--r-- 1 root root %8d Nov 22 00:%02d file-%07d.txt  some more text here\r\n",
                (i * 7919L) % 10_000_000, i % 60, i);
    }
}
