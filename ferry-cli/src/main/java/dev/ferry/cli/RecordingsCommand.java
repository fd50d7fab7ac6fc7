package dev.ferry.cli;

import dev.ferry.relay.auth.UserNames;
import dev.ferry.relay.store.Recording;
import dev.ferry.relay.store.Recordings;
import dev.ferry.relay.store.Store;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry recordings}: the relay's recordings, read from its database (works while the relay runs). */
@Command(name = "recordings", mixinStandardHelpOptions = true, description = {
        "List the relay's session recordings, or export one.",
        "  ferry recordings [--user U] [--since DATE] [--json]   list",
        "  ferry recordings --stats                       count and total size",
        "  ferry recordings export ID > session.cast      the asciicast v2 file"},
        subcommands = RecordingsCommand.Export.class)
final class RecordingsCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Mixin DataOptions data = new DataOptions();

    @Option(names = "--user", paramLabel = "U", description = "Only sessions this account hosted (shared with its API key).")
    String user;

    @Option(names = "--since", paramLabel = "DATE", description = "Only recordings started at or after DATE (2026-11-20 or 2026-11-20T10:00:00Z).")
    String since;

    @Option(names = "--json", description = "One JSON array instead of a table.")
    boolean json;

    @Option(names = "--stats", description = "Print how many recordings there are and their total size.")
    boolean stats;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (user != null) UserNames.check("user name", user);
        try (Store store = data.openExisting()) {
            Recordings index = store.recordings();
            if (stats) {
                Recordings.Stats s = index.stats();
                out.println(json ? "{\"count\":" + s.count() + ",\"bytes\":" + s.bytes() + "}"
                        : s.count() + " recording(s), " + s.bytes() + " bytes");
                return 0;
            }
            List<Recording> rows = index.list(Since.parse(since), user);
            if (json) {
                out.println("[" + String.join(",\n", rows.stream().map(Recording::toJson).toList()) + "]");
                return 0;
            }
            out.printf("%-36s  %-19s  %9s  %10s  %-12s  %-20s  %s%n", "ID", "STARTED (UTC)", "DURATION", "BYTES", "HOST", "COMMAND",
                    "PARTICIPANTS");
            for (Recording r : rows) {
                out.printf("%-36s  %-19s  %9s  %10d  %-12s  %-20s  %s%n", r.id(), WHEN.format(r.started()),
                        r.finished() == null ? "live" : duration(r.duration()), r.bytes(), r.host() == null ? "-" : r.host(),
                        r.command(), r.participants());
            }
        }
        return 0;
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    /** The recording's file, by session id; a one-line error when there is none. */
    static Path file(Store store, Path dataDir, String id) {
        Recording r = store.recordings().get(id).orElseThrow(() -> new IllegalArgumentException("no recording " + id + " in " + dataDir));
        Path file = dataDir.resolve(r.path()).normalize();
        if (!file.startsWith(dataDir.normalize()) || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("recording " + id + ": its file " + file + " is missing");
        }
        return file;
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a recording (asciicast v2) to standard output.")
    static final class Export implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        RecordingsCommand parent;

        @Mixin DataOptions data = new DataOptions();

        @Parameters(paramLabel = "ID", description = "The session id (from ferry recordings).")
        String id;

        @Override
        public Integer call() throws Exception {
            DataOptions d = data.or(parent.data);
            Path file;
            try (Store store = d.openExisting()) {
                file = file(store, d.dataDir(System.getenv()), id);
            }
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(System.out);
            }
            System.out.flush();
            return 0;
        }
    }
}
