package dev.ferry.ftests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code ferry} command and stock tools for the recording tests (self-contained on purpose). */
final class PlayCli {
    /** Exit status, exact standard output bytes, error text, and how long it took. */
    record Run(int exit, byte[] stdout, String stderr, long millis) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private PlayCli() {}

    static Path root() {
        return Path.of(System.getProperty("ferry.root", "..")).toAbsolutePath().normalize();
    }

    static String javaHome() {
        String env = System.getenv("FERRY_JAVA_HOME");
        return env != null && !env.isBlank() ? env : System.getProperty("java.home");
    }

    /** The command line that starts the built jar directly (no launcher, no rebuild). */
    static List<String> ferryJar(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(javaHome(), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-jar", root().resolve("ferry-cli/target/ferry.jar").toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code ./ferry ARGS} through the launcher, told not to rebuild, with standard input from /dev/null. */
    static Run ferry(Path work, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(root().resolve("ferry").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("FERRY_SKIP_BUILD", "1");
        pb.environment().put("FERRY_JAVA_HOME", javaHome());
        return run(pb, work, 60);
    }

    /** A shell command under {@code script}, which gives it a terminal of its own (asciinema insists on one). */
    static Run inPty(Path work, String shellCommand) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", shellCommand, "/dev/null");
        pb.environment().put("HOME", work.toString());
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().remove("LC_ALL");
        return run(pb, work, 60);
    }

    private static Run run(ProcessBuilder pb, Path work, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "run", ".out");
        Path err = Files.createTempFile(work, "run", ".err");
        pb.redirectInput(new File("/dev/null")).redirectOutput(out.toFile()).redirectError(err.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError(pb.command() + " did not finish within " + timeoutSeconds + " s");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Run(p.exitValue(), Files.readAllBytes(out), Files.readString(err), millis);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
