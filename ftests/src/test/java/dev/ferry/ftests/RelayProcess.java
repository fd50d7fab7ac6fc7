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
import dev.ferry.relay.store.TestDatabases;

/**
 * A real {@code ferry relay} on 127.0.0.1 with ephemeral ports and its own data directory.
 * {@code try (RelayProcess relay = RelayProcess.start(tmp)) { ... relay.webBase() ... }}
 *
 * <p>On the PostgreSQL pass ({@link TestDatabases#selected()}) each new data directory gets a fresh
 * database in the run's throw-away cluster, named by {@code database-url} in {@code DATA/ferry.conf}:
 * the relay and every admin command given {@code --data DATA} (ferry user, apikey, recordings, audit)
 * then use that database, and a relay restarted on the same directory finds its data again.
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
        useSelectedDatabase(dir.resolve("data"));
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

    /** Points a new data directory at a fresh PostgreSQL database on the PostgreSQL pass; SQLite needs nothing. */
    static void useSelectedDatabase(Path data) throws IOException {
        Path conf = data.resolve("ferry.conf");
        if (TestDatabases.selected() == TestDatabases.Kind.SQLITE || Files.exists(conf)) return;
        Files.createDirectories(data);
        try {
            Files.writeString(conf, "database-url = " + TestDatabases.selectedUrl(data) + "\n");
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot create a PostgreSQL database for the relay: " + e.getMessage(), e);
        }
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

    /** The JDBC URL of this relay's database (its SQLite file, or its PostgreSQL database on that pass). */
    public String jdbcUrl() {
        for (String line : Ferry.read(dataDir().resolve("ferry.conf")).split("\n")) {
            if (line.startsWith("database-url = ")) return line.substring("database-url = ".length()).strip();
        }
        return "jdbc:sqlite:" + dataDir().resolve("ferry.db");
    }

    public String stdout() {
        return Ferry.read(dir.resolve("relay.out"));
    }

    /**
     * The relay's stdout once it holds {@code text}, waiting up to 10 s: the banner is printed line
     * by line, and the line after the one a test waited for may not be there yet.
     */
    public String stdoutWith(String text) {
        Ferry.waitUntil(Duration.ofSeconds(10), "'" + text + "' on the relay's stdout", () -> stdout().contains(text));
        return stdout();
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
