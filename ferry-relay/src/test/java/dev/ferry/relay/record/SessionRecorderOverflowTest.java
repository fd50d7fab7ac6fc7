package dev.ferry.relay.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.asciicast.AsciicastReader;
import dev.ferry.protocol.asciicast.Event;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.ResizePolicy;
import dev.ferry.relay.hub.Session;
import dev.ferry.relay.hub.SessionSpec;
import dev.ferry.relay.hub.Source;
import dev.ferry.relay.store.Recording;
import dev.ferry.relay.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorder whose queue is full drops output instead of blocking the host, counts it, and says so in the file. */
class SessionRecorderOverflowTest {
    @TempDir Path dir;

    @Test
    void overflowIsDroppedCountedAndMarked() throws Exception {
        try (Store store = Store.open(dir, dev.ferry.relay.store.TestDatabases.selectedUrl(dir)); Hub hub = new Hub()) {
            RecordingService service = new RecordingService(dir, store, new RecordingService.Options(false, null, Clock.systemUTC()));
            Session session = hub.open(new Source() {
                @Override public void input(byte[] data) {}
                @Override public void notice(String text) {}
                @Override public void ended(String reason) {}
            }, new SessionSpec("cat", false, 80, 24, "127.0.0.1", ResizePolicy.HOST));
            store.started(session);
            // Not started yet: nothing drains, as when the disk stalls.
            SessionRecorder recorder = new SessionRecorder(session, service, false, 100);
            recorder.output("a".repeat(60).getBytes());
            recorder.output("b".repeat(60).getBytes());  // 120 > 100: dropped, the call returns at once
            recorder.output("c".repeat(30).getBytes());  // fits: preceded by a marker for the loss
            recorder.ended("done");
            assertThat(recorder.lost()).isEqualTo(60);
            recorder.start();
            assertThat(recorder.await(Duration.ofSeconds(10))).isTrue();

            Recording r = store.recordings().get(session.id()).orElseThrow();
            assertThat(r.lostBytes()).isEqualTo(60);
            List<String> events = new ArrayList<>();
            try (AsciicastReader reader = AsciicastReader.open(dir.resolve(r.path()))) {
                for (Event e = reader.next(); e != null; e = reader.next()) events.add(e.type().code() + " " + e.data());
            }
            assertThat(events).containsExactly("o " + "a".repeat(60), "m recording lost 60 bytes (relay overloaded)",
                    "o " + "c".repeat(30), "m ended: done");
        }
    }
}
