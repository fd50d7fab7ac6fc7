package dev.ferry.relay.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The databases the store's tests run on: SQLite in a temp directory, and PostgreSQL. PostgreSQL is
 * {@code FERRY_TEST_PG_URL} when set (an admin URL such as
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}); otherwise a throw-away cluster of
 * Debian's postgresql-15, started once per test JVM on a free port in a temp directory and stopped at
 * exit. Missing PostgreSQL binaries fail the tests (they are not skipped). Each call gets a fresh database.
 *
 * <p>Tests that run on one database use {@link #selected()}: SQLite, or PostgreSQL when the system property
 * {@code ferry.test.database} (or the variable {@code FERRY_TEST_DATABASE}) says {@code postgresql}; the
 * build's second test pass sets it (see the {@code postgresql} surefire executions).
 */
public final class TestDatabases {
    public enum Kind { SQLITE, POSTGRESQL }

    private static final Path BIN = Path.of(System.getenv().getOrDefault("FERRY_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"));
    private static String adminUrl;

    private TestDatabases() {}

    public static List<Kind> kinds() {
        return List.of(Kind.values());
    }

    /** The database this test run is on: SQLite unless {@code ferry.test.database}/{@code FERRY_TEST_DATABASE} names PostgreSQL. */
    public static Kind selected() {
        String v = System.getProperty("ferry.test.database", System.getenv("FERRY_TEST_DATABASE"));
        if (v == null || v.isBlank() || v.equalsIgnoreCase("sqlite")) return Kind.SQLITE;
        if (v.equalsIgnoreCase("postgresql") || v.equalsIgnoreCase("postgres")) return Kind.POSTGRESQL;
        throw new IllegalStateException("ferry.test.database must be sqlite or postgresql, got '" + v + "'");
    }

    /**
     * The database URL for a relay or store in {@code dataDir} on the {@link #selected()} database: null for
     * SQLite (the relay's default file in its data directory), else a fresh PostgreSQL database.
     */
    public static String selectedUrl(Path dataDir) throws Exception {
        return selected() == Kind.SQLITE ? null : url(Kind.POSTGRESQL, dataDir);
    }

    /** A JDBC URL for a fresh, empty database of this kind (SQLite: a file in {@code dir}). */
    public static String url(Kind kind, Path dir) throws Exception {
        if (kind == Kind.SQLITE) return "jdbc:sqlite:" + dir.resolve("ferry-" + UUID.randomUUID() + ".db");
        String admin = postgres();
        String name = "ferry_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        int q = admin.indexOf('?');
        String base = admin.substring(0, admin.lastIndexOf('/', q < 0 ? admin.length() : q) + 1);
        return base + name + (q < 0 ? "" : admin.substring(q));
    }

    /** The admin URL of the PostgreSQL the tests use, starting the throw-away cluster the first time. */
    public static synchronized String postgres() throws Exception {
        if (adminUrl != null) return adminUrl;
        String env = System.getenv("FERRY_TEST_PG_URL");
        if (env != null && !env.isBlank()) return adminUrl = env;
        if (!Files.isExecutable(BIN.resolve("pg_ctl"))) {
            throw new IllegalStateException("PostgreSQL binaries not found in " + BIN
                    + ": install Debian's postgresql (apt-get install postgresql) or set FERRY_TEST_PG_URL");
        }
        Path dir = Files.createTempDirectory("ferry-pg-");
        Path data = dir.resolve("data");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) run(List.of("chown", "postgres", dir.toString()), false);
        run(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "ferry", "--auth=trust", "-E", "UTF8",
                "--no-sync"), root);
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off",
                "start"), root);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), root);
                run(List.of("rm", "-rf", dir.toString()), false);
            } catch (Exception ignored) {
                // the JVM is exiting; nothing more to do
            }
        }));
        return adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=ferry";
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", cmd));
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (p.exitValue() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }
}
