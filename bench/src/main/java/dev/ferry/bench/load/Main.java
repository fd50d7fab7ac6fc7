package dev.ferry.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code ./bench/run [--quick|--smoke] [--only echo,throughput,fanout,scale,wire]}: Ferry against
 * the no-relay baselines on this machine in one run; prints a table, writes JSON. Everything it
 * starts is on loopback and is killed before it exits (also on Ctrl-C).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        String mode = "full";
        Set<String> only = Set.of("echo", "throughput", "fanout", "scale", "wire");
        Path jar = Path.of("ferry-cli/target/ferry.jar");
        Path resultsDir = Path.of("bench/results");
        List<String> relayOpts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> mode = "quick";
                case "--smoke" -> mode = "smoke";
                case "--full" -> mode = "full";
                case "--only" -> only = Set.copyOf(Arrays.asList(args[++i].split(",")));
                case "--jar" -> jar = Path.of(args[++i]);
                case "--results" -> resultsDir = Path.of(args[++i]);
                case "--relay-opt" -> relayOpts.add(args[++i]);
                default -> {
                    System.err.println("bench: unknown argument '" + args[i] + "' (use --quick, --smoke, --only LIST)");
                    System.exit(2);
                }
            }
        }
        if (mode.equals("smoke") && only.size() == 5) only = Set.of("echo", "throughput", "fanout");
        if (!Files.isRegularFile(jar)) {
            System.err.println("bench: " + jar + " not found (build with ./ferry --version first)");
            System.exit(2);
        }
        Path tmp = Files.createTempDirectory("ferry-bench-");
        // The OpenSSH baseline's user reads the throughput file and edits the wire test's file here.
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        long started = System.nanoTime();
        int status = 0;
        try (Ctx ctx = new Ctx(Ctx.Mode.of(mode), tmp, jar, relayOpts)) {
            ctx.results.put("mode", mode).put("started", Instant.now().toString()).put("machine", Machine.describe());
            System.out.println("Ferry end-to-end benchmark (" + mode + "), " + Machine.summary());
            Files.createDirectories(resultsDir);
            Path file = resultsDir.resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                    .format(Instant.now()) + "-" + mode + ".json");
            // Written after every section, so a run cut short still leaves what it measured.
            for (String name : List.of("echo", "throughput", "fanout", "wire", "scale")) {
                if (!only.contains(name)) continue;
                guard(ctx, name, () -> section(ctx, name));
                ctx.results.put("seconds", (System.nanoTime() - started) / 1e9);
                Files.writeString(file, ctx.results.toString());
            }
            System.out.println("\nresults: " + file + String.format(" (%.0f s)", (System.nanoTime() - started) / 1e9));
            if (ctx.results.toString().contains("\"error\"")) status = 1;
        } finally {
            Procs.killAll();
            deleteTree(tmp);
        }
        System.exit(status);
    }

    private static void section(Ctx ctx, String name) throws Exception {
        switch (name) {
            case "echo" -> new EchoBench(ctx).run();
            case "throughput" -> new ThroughputBench(ctx).run();
            case "fanout" -> new FanoutBench(ctx).run();
            case "wire" -> new WireBench(ctx).run();
            default -> new ScaleBench(ctx).run();
        }
    }

    interface Section {
        void run() throws Exception;
    }

    /** A failing section is reported and recorded; the others still run. */
    private static void guard(Ctx ctx, String name, Section s) {
        try {
            s.run();
        } catch (Exception | OutOfMemoryError e) {
            System.out.println("  " + name + " FAILED: " + e);
            e.printStackTrace();
            ctx.results.put(name + "_error", Json.obj().put("error", e.toString()));
        }
    }

    private static void deleteTree(Path p) {
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (Exception e) {
            // best effort: a temp directory
        }
    }
}
