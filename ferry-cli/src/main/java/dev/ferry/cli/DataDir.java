package dev.ferry.cli;

import dev.ferry.relay.Settings;
import dev.ferry.relay.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;

/** The relay's data directory as the read-side commands find it: --data, then FERRY_DATA, then XDG. */
final class DataDir {
    private DataDir() {}

    static Path resolve(Path flag) {
        if (flag != null) return flag.toAbsolutePath();
        String env = System.getenv("FERRY_DATA");
        return (env != null && !env.isBlank() ? Path.of(env) : Settings.defaultDataDir(System.getenv())).toAbsolutePath();
    }

    /**
     * Opens the relay's database: the one {@code FERRY_DATABASE_URL} or {@code database-url} in
     * {@code DIR/ferry.conf} names (as the relay finds it), else SQLite {@code DIR/ferry.db}; a one-line
     * error when there is no SQLite file (no relay ever ran with this directory).
     */
    static Store open(Path dir) throws java.io.IOException {
        Settings s = new Settings(java.util.Map.of(), System.getenv(), Settings.readFile(dir.resolve("ferry.conf"), true));
        String url = s.get("database-url", null);
        if (url != null && !url.isBlank()) return Store.open(dir, url);
        if (!Files.isRegularFile(dir.resolve("ferry.db"))) {
            throw new IllegalArgumentException("no relay data in " + dir + " (use --data DIR)");
        }
        return Store.open(dir);
    }
}
