package dev.ferry.relay.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.HubLimits;
import dev.ferry.relay.hub.Participant;
import dev.ferry.relay.hub.ResizePolicy;
import dev.ferry.relay.hub.Seat;
import dev.ferry.relay.hub.Session;
import dev.ferry.relay.hub.SessionAccess;
import dev.ferry.relay.hub.SessionSpec;
import dev.ferry.relay.hub.Source;
import dev.ferry.relay.store.AuditEvent;
import dev.ferry.relay.store.Recording;
import dev.ferry.relay.store.Store;
import dev.ferry.relay.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Accounts in the audit log, on SQLite and PostgreSQL: the host's account on its session's start and
 * end, each participant's on its join, leave and input; recordings filtered by host, the audit log by
 * acting account.
 */
class AuditIdentityTest {
    @TempDir Path dir;
    private Store store;
    private RecordingService service;
    private Hub hub;

    private record Host(String transport) implements Source {
        @Override public void input(byte[] data) {}
        @Override public void notice(String text) {}
        @Override public void ended(String reason) {}
    }

    private record Joiner(String transport, String address, String keyFingerprint, String user) implements Participant {
        @Override public void wake() {}
        @Override public void disconnect(String reason) {}
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.shutdown("test over");
            hub.close();
        }
        if (service != null) service.close();
        if (store != null) store.close();
    }

    private Session open(String command, String owner, String hostTransport) {
        return hub.open(new Host(hostTransport), new SessionSpec(command, false, 80, 24, "10.0.0.1", ResizePolicy.HOST,
                new SessionAccess(owner, null, null, null)));
    }

    private Recording finished(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var r = store.recordings().get(id);
            if (r.isPresent() && r.get().finished() != null) return r.get();
            Thread.sleep(20);
        }
        throw new AssertionError("recording " + id + " never finished");
    }

    /** Events a few milliseconds apart: the log orders by time, and each step's order must be unambiguous. */
    private static void tick() throws InterruptedException {
        Thread.sleep(3);
    }

    private static List<String> lines(List<AuditEvent> events) {
        return events.stream().map(e -> e.kind() + " #" + e.participant() + " " + e.transport() + " " + e.access() + " "
                + e.keyFingerprint() + " " + e.user() + " " + e.detail()).toList();
    }

    @ParameterizedTest
    @MethodSource("dev.ferry.relay.store.TestDatabases#kinds")
    void everyEventNamesItsAccountAndTheFiltersUseThem(TestDatabases.Kind kind) throws Exception {
        store = Store.open(dir, TestDatabases.url(kind, dir));
        service = new RecordingService(dir, store, new RecordingService.Options(false, null, Clock.systemUTC()));
        service.start();
        hub = new Hub(HubLimits.DEFAULT, store, new FailureLimiter(), service);

        Session alices = open("bash", "alice", "web");
        tick();
        Seat bob = hub.join(alices.readWriteToken(), new Joiner("web", "127.0.0.1", null, "bob"), Seat.Style.STREAM);
        tick();
        Seat anon = hub.join(alices.readOnlyToken(), new Joiner("ssh", "127.0.0.2", "SHA256:anon", null), Seat.Style.RENDERED);
        tick();
        Seat carol = hub.join(alices.readWriteToken(), new Joiner("ssh", "127.0.0.3", "SHA256:carol", "carol"), Seat.Style.RENDERED);
        tick();
        bob.input("ls\r".getBytes(StandardCharsets.UTF_8));
        tick();
        carol.input("pwd\r".getBytes(StandardCharsets.UTF_8));
        tick();
        anon.leave();
        tick();
        carol.leave();
        tick();
        alices.end("done");
        tick();

        Session anonymous = open("sh", null, "ssh");   // a tmate host comes over SSH
        tick();
        Seat bobAgain = hub.join(anonymous.readOnlyToken(), new Joiner("cli", "127.0.0.1", null, "bob"), Seat.Style.STREAM);
        tick();
        bobAgain.leave();
        tick();
        anonymous.end("over");
        tick();
        finished(alices.id());
        finished(anonymous.id());

        assertThat(lines(store.audit().list(alices.id(), null))).containsExactly(
                "start #0 web read-write null alice bash",
                "join #1 web read-write null bob null",
                "join #2 ssh read-only SHA256:anon null null",
                "join #3 ssh read-write SHA256:carol carol null",
                "input #1 web read-write null bob 3",
                "input #3 ssh read-write SHA256:carol carol 4",
                "leave #2 ssh read-only SHA256:anon null null",
                "leave #3 ssh read-write SHA256:carol carol null",
                "end #0 web read-write null alice done");

        assertThat(lines(store.audit().list(null, null, "bob"))).containsExactly(
                "join #1 web read-write null bob null",
                "input #1 web read-write null bob 3",
                "join #1 cli read-only null bob null",
                "leave #1 cli read-only null bob null");
        assertThat(lines(store.audit().list(null, null, "alice"))).containsExactly(
                "start #0 web read-write null alice bash",
                "end #0 web read-write null alice done");
        assertThat(store.audit().list(anonymous.id(), null, "alice")).isEmpty();
        assertThat(lines(store.audit().list(anonymous.id(), null))).first().isEqualTo("start #0 ssh read-write null null sh");
        assertThat(store.audit().list(null, null, "nobody")).isEmpty();

        assertThat(store.recordings().list(null)).extracting(Recording::id, Recording::host)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(alices.id(), "alice"),
                        org.assertj.core.groups.Tuple.tuple(anonymous.id(), null));
        assertThat(store.recordings().list(null, "alice")).extracting(Recording::id).containsExactly(alices.id());
        assertThat(store.recordings().list(null, "bob")).as("bob hosted nothing").isEmpty();
        assertThat(store.recordings().get(alices.id()).orElseThrow().toJson()).contains("\"host\":\"alice\"");
    }
}
