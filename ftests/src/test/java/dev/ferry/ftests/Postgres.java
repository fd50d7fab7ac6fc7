package dev.ferry.ftests;

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
 * A real PostgreSQL for relays under test: {@code FERRY_TEST_PG_URL} when set (an admin URL), else a
 * throw-away cluster of Debian's postgresql-15 on a free port in a temp directory, started once per
 * test JVM and stopped at exit (as ferry-relay's TestDatabases does). Missing binaries fail the test.
 */
final class Postgres {
    private static final Path BIN = Path.of(System.getenv().getOrDefault("FERRY_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"));
    private static String adminUrl;

    private Postgres() {}

    /** The JDBC URL of a fresh, empty database. */
    static String freshDatabase() throws Exception {
        String admin = admin();
        String name = "ferry_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        int q = admin.indexOf('?');
        String base = admin.substring(0, admin.lastIndexOf('/', q < 0 ? admin.length() : q) + 1);
        return base + name + (q < 0 ? "" : admin.substring(q));
    }

    private static synchronized String admin() throws Exception {
        if (adminUrl != null) return adminUrl;
        String env = System.getenv("FERRY_TEST_PG_URL");
        if (env != null && !env.isBlank()) return adminUrl = env;
        if (!Files.isExecutable(BIN.resolve("pg_ctl"))) {
            throw new IllegalStateException("PostgreSQL binaries not found in " + BIN + ": apt-get install postgresql, or set FERRY_TEST_PG_URL");
        }
        Path dir = Files.createTempDirectory("ferry-ftest-pg-");
        Path data = dir.resolve("data");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) run(List.of("chown", "postgres", dir.toString()), false);
        run(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "ferry", "--auth=trust", "-E", "UTF8", "--no-sync"), root);
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), root);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), root);
                run(List.of("rm", "-rf", dir.toString()), false);
            } catch (Exception ignored) {
                // the JVM is exiting
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
