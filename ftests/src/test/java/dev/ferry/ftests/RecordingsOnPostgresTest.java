package dev.ferry.ftests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.relay.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay on PostgreSQL ({@code --database-url}): the read commands ({@code recordings}, its
 * {@code export}, {@code play ID}, {@code audit}) find its recordings and audit log through the same
 * flag, the files in {@code --data}; without the flag they say where they looked.
 */
class RecordingsOnPostgresTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @TempDir Path tmp;

    @Test
    void theReadCommandsFindRecordingsAndTheAuditLogThroughDatabaseUrl() throws Exception {
        // It brings its own PostgreSQL database; on the PostgreSQL pass the data directory names one too.
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabases.selected() == TestDatabases.Kind.SQLITE, "the SQLite pass's test");
        String url = TestDatabases.url(TestDatabases.Kind.POSTGRESQL, tmp);
        try (RelayProcess relay = RelayProcess.start(tmp.resolve("relay"), "--database-url", url)) {
            String data = relay.dataDir().toString();
            assertThat(FerryRun.run(tmp, "user", "add", "alice", "--role", "operator", "--database-url", url).status()).isZero();
            FerryRun created = FerryRun.run(tmp, "apikey", "create", "--user", "alice", "--database-url", url);
            assertThat(created.status()).as(created.err()).isZero();
            try (ShareProcess share = ShareProcess.start(tmp.resolve("share"), relay, java.util.Map.of(),
                    List.of("--api-key", created.lastLine()), "sh", "-c", "sleep 1; echo pg-$((3*4)); sleep 0.5");
                 WsPeer web = WsPeer.connect(relay.ws("/ws/join/" + share.readOnlyToken()))) {
                web.awaitText("pg-12", WAIT);
                web.awaitClosed(WAIT);
            }
            Ferry.waitUntil(WAIT, "the recording to be finished", () -> {
                try {
                    return PlayCli.ferry(tmp, "recordings", "--json", "--database-url", url, "--data", data).stdoutText()
                            .contains("\"finished\":\"");
                } catch (Exception e) {
                    return false;
                }
            });

            PlayCli.Run list = PlayCli.ferry(tmp, "recordings", "--user", "alice", "--json", "--database-url", url, "--data", data);
            assertThat(list.exit()).as(list.stderr()).isZero();
            Matcher m = ID.matcher(list.stdoutText());
            assertThat(m.find()).as(list.stdoutText()).isTrue();
            String id = m.group(1);
            assertThat(list.stdoutText()).contains("\"host\":\"alice\"");
            assertThat(PlayCli.ferry(tmp, "recordings", "--user", "bob", "--json", "--database-url", url, "--data", data)
                    .stdoutText().strip()).isEqualTo("[]");

            PlayCli.Run export = PlayCli.ferry(tmp, "recordings", "export", id, "--database-url", url, "--data", data);
            assertThat(export.exit()).as(export.stderr()).isZero();
            try (var files = Files.walk(relay.dataDir().resolve("recordings"))) {
                Path file = files.filter(f -> f.getFileName().toString().equals(id + ".cast")).findFirst().orElseThrow();
                assertThat(export.stdout()).isEqualTo(Files.readAllBytes(file));
            }
            PlayCli.Run parentForm = PlayCli.ferry(tmp, "recordings", "--database-url", url, "--data", data, "export", id);
            assertThat(parentForm.stdout()).isEqualTo(export.stdout());

            PlayCli.Run play = PlayCli.ferry(tmp, "play", "--speed", "20", id, "--database-url", url, "--data", data);
            assertThat(play.exit()).as(play.stderr()).isZero();
            assertThat(new String(play.stdout(), UTF_8)).contains("pg-12");

            PlayCli.Run audit = PlayCli.ferry(tmp, "audit", "--session", id, "--database-url", url);
            assertThat(audit.exit()).as(audit.stderr()).isZero();
            assertThat(audit.stdoutText().lines().map(l -> l.split("  ", 3)[2]).toList()).containsExactly(
                    "start  by 127.0.0.1 as alice (read-write): sh -c sleep 1; echo pg-$((3*4)); sleep 0.5",
                    "join   #1 read-only via web from 127.0.0.1",
                    "end    the host's command exited (status 0)");
            assertThat(PlayCli.ferry(tmp, "audit", "--user", "alice", "--database-url", url).stdoutText().lines()).hasSize(2);

            // Without the URL the commands look for SQLite in the data directory, and say so.
            for (String[] args : new String[][] {{"recordings"}, {"audit"}, {"recordings", "export", id}, {"play", id}}) {
                List<String> all = new java.util.ArrayList<>(List.of(args));
                all.addAll(List.of("--data", data));
                PlayCli.Run run = PlayCli.ferry(tmp, all.toArray(String[]::new));
                assertThat(run.exit()).as(String.join(" ", args)).isNotZero();
                assertThat(run.stderr().strip()).isEqualTo("ferry: no relay data in " + data + " (use --data DIR or --database-url URL)");
            }
        }
    }
}
