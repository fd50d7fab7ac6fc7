package dev.ferry.relay.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.asciicast.AsciicastReader;
import dev.ferry.protocol.asciicast.Event;
import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.HubLimits;
import dev.ferry.relay.hub.Participant;
import dev.ferry.relay.hub.ResizePolicy;
import dev.ferry.relay.hub.Seat;
import dev.ferry.relay.hub.Session;
import dev.ferry.relay.hub.SessionSpec;
import dev.ferry.relay.hub.Source;
import dev.ferry.relay.store.AuditEvent;
import dev.ferry.relay.store.Recording;
import dev.ferry.relay.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder and audit rows an in-process hub session produces, crash recovery, and retention with a moved clock. */
class RecordingServiceTest {
    @TempDir Path dir;
    private Store store;
    private RecordingService service;
    private Hub hub;

    private static final class Host implements Source {
        @Override public void input(byte[] data) {}
        @Override public void notice(String text) {}
        @Override public void ended(String reason) {}
    }

    private record Joiner(String transport, String address, String keyFingerprint) implements Participant {
        @Override public void wake() {}
        @Override public void disconnect(String reason) {}
    }

    private String databaseUrl;  // one database per test: a restart reopens the same one

    private void start(Clock clock, boolean recordInput, Duration keep) throws Exception {
        if (databaseUrl == null) databaseUrl = dev.ferry.relay.store.TestDatabases.selectedUrl(dir);
        store = Store.open(dir, databaseUrl);
        service = new RecordingService(dir, store, new RecordingService.Options(recordInput, keep, clock));
        service.start();
        hub = new Hub(HubLimits.DEFAULT, store, new FailureLimiter(), service);
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

    private Session open(String command) {
        return hub.open(new Host(), new SessionSpec(command, false, 80, 24, "10.0.0.1", ResizePolicy.HOST));
    }

    private static void out(Session s, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.output(b, 0, b.length);
    }

    private List<Event> events(Recording r) throws Exception {
        List<Event> events = new ArrayList<>();
        try (AsciicastReader reader = AsciicastReader.open(dir.resolve(r.path()))) {
            assertThat(reader.header().command()).isEqualTo(r.command());
            for (Event e = reader.next(); e != null; e = reader.next()) events.add(e);
        }
        return events;
    }

    private Recording finished(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var r = store.recordings().get(id);
            if (r.isPresent() && r.get().finished() != null) return r.get();
            sleep(20);
        }
        throw new AssertionError("recording " + id + " never finished");
    }

    @Test
    void aLiveSessionsTypingAndOutputReachTheAuditLogAndTheFileWithoutFurtherEvents() throws Exception {
        start(Clock.systemUTC(), false, null);
        Session s = open("bash");
        Seat web = hub.join(s.readWriteToken(), new Joiner("web", "127.0.0.1", null), Seat.Style.STREAM);
        web.input("ls\r".getBytes(StandardCharsets.UTF_8));
        out(s, "ls-output\r\n");
        // Nothing else happens in the session: the second's input row is still written once it is over,
        // and the output reaches the file (the flush), with no event to wake the recorder.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<AuditEvent> input = List.of();
        while (input.isEmpty() && System.nanoTime() < deadline) {
            sleep(50);
            input = store.audit().list(s.id(), null).stream().filter(e -> e.kind().equals("input")).toList();
        }
        assertThat(input).singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("3"));
        Path file = dir.resolve(store.recordings().get(s.id()).orElseThrow().path());
        while (!Files.readString(file).contains("ls-output") && System.nanoTime() < deadline) sleep(50);
        assertThat(Files.readString(file)).contains("ls-output");
        assertThat(s.endReason()).isNull();
    }

    @Test
    void recordsOutputResizesJoinsLeavesInputAndTheEndInOrder() throws Exception {
        start(Clock.systemUTC(), true, null);
        Session s = open("bash");
        out(s, "h\u00e9llo ");
        byte[] euro = "\u20ac\r\n".getBytes(StandardCharsets.UTF_8);
        s.output(euro, 0, 1);  // a character split across two outputs stays whole in the file
        s.output(euro, 1, euro.length - 1);
        Seat web = hub.join(s.readWriteToken(), new Joiner("web", "127.0.0.1", null), Seat.Style.STREAM);
        Seat ssh = hub.join(s.readOnlyToken(), new Joiner("ssh", "127.0.0.2", "SHA256:abc"), Seat.Style.RENDERED);
        web.input("ls\r".getBytes(StandardCharsets.UTF_8));
        ssh.input("rm -rf /\r".getBytes(StandardCharsets.UTF_8));  // read-only: dropped, neither recorded nor counted
        s.resize(100, 30);
        ssh.leave();
        s.end("the host's command exited (status 0)");

        Recording r = finished(s.id());
        assertThat(r.path()).matches("recordings/\\d{4}/\\d{2}/\\d{2}/" + s.id() + "\\.cast");
        assertThat(r.bytes()).isEqualTo(Files.size(dir.resolve(r.path())));
        assertThat(r.participants()).isEqualTo("2 (web rw, ssh ro)");
        List<String> lines = events(r).stream().map(e -> e.type().code() + " " + e.data()).toList();
        assertThat(lines).containsExactly(
                "o h\u00e9llo ",
                "o \u20ac\r\n",
                "m joined read-write via web from 127.0.0.1",
                "m joined read-only via ssh from 127.0.0.2 with key SHA256:abc",
                "i ls\r",
                "r 100x30",
                "m left: read-only via ssh from 127.0.0.2 with key SHA256:abc",
                "m ended: the host's command exited (status 0)");

        List<AuditEvent> audit = store.audit().list(s.id(), null);
        assertThat(audit).extracting(e -> e.kind() + " #" + e.participant() + " " + e.transport() + " " + e.address() + " "
                        + e.keyFingerprint() + " " + e.access() + " " + e.detail())
                .containsExactlyInAnyOrder(
                        "start #0 web 10.0.0.1 null read-write bash",
                        "join #1 web 127.0.0.1 null read-write null",
                        "join #2 ssh 127.0.0.2 SHA256:abc read-only null",
                        "input #1 web 127.0.0.1 null read-write 3",
                        "leave #2 ssh 127.0.0.2 SHA256:abc read-only null",
                        "end #0 web 10.0.0.1 null read-write the host's command exited (status 0)");
        assertThat(audit.getFirst().kind()).isEqualTo("start");
        assertThat(audit.getLast().kind()).isEqualTo("end");
    }

    @Test
    void inputIsSummedPerParticipantPerSecondAndLeftOutOfTheFileUnlessAskedFor() throws Exception {
        start(Clock.systemUTC(), false, null);
        Session s = open("sh");
        Seat a = hub.join(s.readWriteToken(), new Joiner("web", "127.0.0.1", null), Seat.Style.STREAM);
        for (int i = 0; i < 50; i++) a.input(new byte[] {'x'});
        s.end("done");
        Recording r = finished(s.id());
        assertThat(events(r)).noneMatch(e -> e.type() == Event.Type.INPUT);
        List<AuditEvent> input = store.audit().list(s.id(), null).stream().filter(e -> e.kind().equals("input")).toList();
        assertThat(input).isNotEmpty().hasSizeLessThanOrEqualTo(2);  // 50 keystrokes: one row, two if a second ticked over
        assertThat(input.stream().mapToLong(e -> Long.parseLong(e.detail())).sum()).isEqualTo(50);
    }

    @Test
    void aRestartRepairsWhatACrashLeftAndEndsItsSessions() throws Exception {
        start(Clock.systemUTC(), false, null);
        Session s = open("bash");
        out(s, "before the crash\r\n");
        sleep(1200);  // past the flush deadline: on disk without any close
        String id = s.id();
        Recording live = store.recordings().get(id).orElseThrow();
        assertThat(live.finished()).isNull();
        Path file = dir.resolve(live.path());
        Files.writeString(file, "[1.5, \"o\", \"torn", java.nio.file.StandardOpenOption.APPEND);  // a line cut by kill -9
        // Simulate the crash: drop the service and hub without ending anything.
        hub.close();
        service = null;
        store.close();
        hub = null;

        start(Clock.systemUTC(), false, null);
        Recording repaired = store.recordings().get(id).orElseThrow();
        assertThat(repaired.finished()).isNotNull();
        assertThat(repaired.bytes()).isEqualTo(Files.size(file));
        assertThat(events(repaired)).extracting(Event::data).containsExactly("before the crash\r\n");
        assertThat(store.audit().list(id, null).getLast()).satisfies(e -> {
            assertThat(e.kind()).isEqualTo("end");
            assertThat(e.detail()).isEqualTo(RecordingService.CRASH_REASON);
        });
    }

    @Test
    void retentionDeletesOldFinishedRecordingsFileAndIndexTogether() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        start(clock, false, Duration.ofDays(30));
        Session old = open("old");
        old.end("done");
        Recording r = finished(old.id());
        Session running = open("running");
        out(running, "still here\r\n");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (store.recordings().get(running.id()).isEmpty() && System.nanoTime() < deadline) sleep(20);  // its thread indexes it
        assertThat(store.recordings().get(running.id())).isPresent();

        clock.now = clock.now.plus(Duration.ofDays(29));
        assertThat(service.sweep()).isZero();
        assertThat(Files.exists(dir.resolve(r.path()))).isTrue();

        clock.now = clock.now.plus(Duration.ofDays(2));
        assertThat(service.sweep()).isEqualTo(1);  // the running session's recording is never deleted under it
        assertThat(Files.exists(dir.resolve(r.path()))).isFalse();
        assertThat(store.recordings().get(old.id())).isEmpty();
        assertThat(store.recordings().get(running.id())).isPresent();
    }

    static final class MutableClock extends Clock {
        volatile Instant now;
        MutableClock(Instant now) { this.now = now; }
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
