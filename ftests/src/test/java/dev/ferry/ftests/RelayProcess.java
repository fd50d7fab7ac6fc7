package dev.ferry.ftests;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code ferry relay} on 127.0.0.1 with ephemeral ports and its own data directory.
 * {@code try (RelayProcess relay = RelayProcess.start(tmp)) { ... relay.webBase() ... }}
 */
public final class RelayProcess implements AutoCloseable {
    private static final Pattern WEB = Pattern.compile("^web: (https?://\\S+?)/?(\\s|$)", Pattern.MULTILINE);

    private final Process process;
    private final Path dir;
    private final String webBase;

    private RelayProcess(Process process, Path dir, String webBase) {
        this.process = process;
        this.dir = dir;
        this.webBase = webBase;
    }

    /** Starts a relay with its data in {@code dir}; extra arguments go to {@code ferry relay}. */
    public static RelayProcess start(Path dir, String... extraArgs) throws IOException {
        return start(dir, Map.of(), extraArgs);
    }

    public static RelayProcess start(Path dir, Map<String, String> env, String... extraArgs) throws IOException {
        Files.createDirectories(dir);
        List<String> args = new ArrayList<>(List.of("relay", "--listen", "127.0.0.1", "--http-port", "0", "--ssh-port", "0",
                "--data", dir.resolve("data").toString()));
        args.addAll(List.of(extraArgs));
        Process p = Ferry.start(dir, "relay", env, args.toArray(String[]::new));
        String[] base = new String[1];
        try {
            Ferry.waitUntil(Duration.ofSeconds(30), "the relay's banner", () -> {
                Matcher m = WEB.matcher(Ferry.read(dir.resolve("relay.out")));
                if (m.find()) base[0] = m.group(1);
                return base[0] != null || !p.isAlive();
            });
        } catch (AssertionError e) {
            p.destroyForcibly();
            throw e;
        }
        if (base[0] == null) {
            throw new IOException("relay exited with " + p.exitValue() + ": " + Ferry.read(dir.resolve("relay.err")));
        }
        return new RelayProcess(p, dir, base[0]);
    }

    /** Like {@code http://127.0.0.1:41234}, no trailing slash. */
    public String webBase() {
        return webBase;
    }

    public int httpPort() {
        return URI.create(webBase).getPort();
    }

    /** A WebSocket URI on this relay, e.g. {@code ws("/ws/join/" + token)}. */
    public URI ws(String path) {
        return URI.create(webBase.replaceFirst("^http", "ws") + path);
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    public String stdout() {
        return Ferry.read(dir.resolve("relay.out"));
    }

    public String stderr() {
        return Ferry.read(dir.resolve("relay.err"));
    }

    public Process process() {
        return process;
    }

    /** SIGTERM, then waits for a clean exit; returns the exit status (-1 if it had to be killed). */
    public int stop() {
        return Ferry.stop(process, Duration.ofSeconds(15));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
