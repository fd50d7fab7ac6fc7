package dev.ferry.ftests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Runs the built {@code ferry-cli/target/ferry.jar} as a real process, output captured in files. */
public final class Ferry {
    private Ferry() {}

    public static Path root() {
        String r = System.getProperty("ferry.root");
        if (r == null) throw new IllegalStateException("system property ferry.root is not set (run through Maven)");
        return Path.of(r).toAbsolutePath().normalize();
    }

    public static Path jar() {
        Path jar = root().resolve("ferry-cli/target/ferry.jar");
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("not built: " + jar);
        return jar;
    }

    /** The java that runs these tests (JDK 21+). */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The command line for {@code ferry ARGS}. */
    public static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The same as one shell-quoted string, for tmux. */
    public static String shellCommand(String... args) {
        StringBuilder sb = new StringBuilder();
        for (String a : command(args)) {
            if (sb.length() > 0) sb.append(' ');
            sb.append('\'').append(a.replace("'", "'\\''")).append('\'');
        }
        return sb.toString();
    }

    /** Starts {@code ferry ARGS} with stdout and stderr going to files in {@code dir}. */
    static Process start(Path dir, String name, Map<String, String> env, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(args))
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        return pb.start();
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Polls until the condition holds; fails with {@code what} after the timeout. */
    public static void waitUntil(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** Sends SIGTERM and waits; kills hard when it does not exit in time. Returns the exit status. */
    static int stop(Process p, Duration timeout) {
        if (!p.isAlive()) return p.exitValue();
        p.destroy();  // SIGTERM
        try {
            if (p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        p.destroyForcibly();
        return -1;
    }
}
