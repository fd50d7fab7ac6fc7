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

    /** Opens the relay's database; a one-line error when there is none (no relay ever ran with this directory). */
    static Store open(Path dir) throws java.io.IOException {
        if (!Files.isRegularFile(dir.resolve("ferry.db"))) {
            throw new IllegalArgumentException("no relay data in " + dir + " (use --data DIR)");
        }
        return Store.open(dir);
    }
}
