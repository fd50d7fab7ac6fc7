package dev.ferry.cli;

import dev.ferry.relay.Settings;
import dev.ferry.relay.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the relay keeps its data: {@code --data}, {@code --config}, {@code --database-url}, shared by
 * {@code ferry relay} and the admin commands so they find the same database (also while the relay runs).
 */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default $FERRY_DATA, else $XDG_DATA_HOME/ferry or ~/.local/share/ferry).")
    Path data;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default DATA/ferry.conf when it exists).")
    Path config;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "JDBC URL of the database, e.g. jdbc:postgresql://db/ferry?user=ferry (default: SQLite DATA/ferry.db).")
    String databaseUrl;

    /** The layered settings, with {@code flags} (plus this mixin's) on top of the environment and the config file. */
    Settings settings(Map<String, String> flags, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(flags);
        if (databaseUrl != null) all.put("database-url", databaseUrl);
        Settings early = new Settings(all, env, Map.of());
        Path file = config != null ? config : pathOrNull(early.get("config", null));
        return new Settings(all, env, file != null
                ? Settings.readFile(file, false)
                : Settings.readFile(dataDir(env).resolve("ferry.conf"), true));
    }

    Path dataDir(Map<String, String> env) {
        Settings early = new Settings(Map.of(), env, Map.of());
        return (data != null ? data : Path.of(early.get("data", Settings.defaultDataDir(env).toString()))).toAbsolutePath();
    }

    /** Opens the relay's database (migrating it when needed). */
    Store open() throws IOException {
        Map<String, String> env = System.getenv();
        return Store.open(dataDir(env), settings(Map.of(), env).get("database-url", null));
    }

    /**
     * Opens the relay's database for reading: like {@link #open()}, but a one-line error instead of a
     * new, empty database when no relay ever ran with this data directory.
     */
    Store openExisting() throws IOException {
        Map<String, String> env = System.getenv();
        Path dir = dataDir(env);
        String url = settings(Map.of(), env).get("database-url", null);
        if (url == null && !Files.isRegularFile(dir.resolve("ferry.db"))) {
            throw new IllegalArgumentException("no relay data in " + dir + " (use --data DIR or --database-url URL)");
        }
        return Store.open(dir, url);
    }

    /** This command's options where given, else {@code outer}'s (a subcommand inside {@code ferry recordings}). */
    DataOptions or(DataOptions outer) {
        DataOptions d = new DataOptions();
        d.data = data != null ? data : outer.data;
        d.config = config != null ? config : outer.config;
        d.databaseUrl = databaseUrl != null ? databaseUrl : outer.databaseUrl;
        return d;
    }

    private static Path pathOrNull(String s) {
        return s == null ? null : Path.of(s);
    }
}
