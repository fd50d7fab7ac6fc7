package dev.ferry.ftests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One short {@code ferry ARGS} run to its end: exit status, stdout, stderr. */
public record FerryRun(int status, String out, String err) {

    public static FerryRun run(Path dir, Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path in = Files.createTempFile(dir, "stdin", ".txt");
        Files.writeString(in, stdin == null ? "" : stdin);
        Path out = Files.createTempFile(dir, "out", ".txt"), err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(Ferry.command(args)).redirectInput(in.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("ferry " + String.join(" ", args) + " did not finish in 60 s");
        } finally {
            p.destroyForcibly();
        }
        return new FerryRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    public static FerryRun run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, Map.of(), null, args);
    }

    /** The last line of stdout (where `apikey create` prints the key, alone). */
    public String lastLine() {
        List<String> lines = out.lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
