package dev.ferry.relay.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.hub.Recorders.RecordingParticipant;
import dev.ferry.relay.hub.Recorders.RecordingSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HubTest {
    private Hub hub = new Hub(new HubLimits(4096, Duration.ofSeconds(60), 10), SessionLog.NONE, new FailureLimiter());
    private final RecordingSource source = new RecordingSource();

    @AfterEach
    void close() {
        hub.close();
    }

    private Session open(boolean readOnly) {
        return hub.open(source, new SessionSpec("bash", readOnly, 80, 24, "10.0.0.9", ResizePolicy.HOST));
    }

    private RecordingParticipant join(String token, Seat.Style style) throws JoinRefusedException {
        RecordingParticipant p = new RecordingParticipant("10.0.0.1");
        p.seat = hub.join(token, p, style);
        return p;
    }

    private static void out(Session s, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.output(b, 0, b.length);
    }

    @Test
    void readOnlyInputIsDroppedInTheHubAndReadWriteInputReachesTheSource() throws Exception {
        Session s = open(false);
        RecordingParticipant rw = join(s.readWriteToken(), Seat.Style.STREAM);
        RecordingParticipant ro = join(s.readOnlyToken(), Seat.Style.STREAM);
        assertThat(rw.seat.role()).isEqualTo(Role.READ_WRITE);
        assertThat(ro.seat.role()).isEqualTo(Role.READ_ONLY);
        ro.seat.input("rm -rf /\r".getBytes());
        rw.seat.input("ls\r".getBytes());
        ro.seat.input("x".getBytes());
        assertThat(source.inputText()).isEqualTo("ls\r");
    }

    @Test
    void readOnlySessionsHaveNoReadWriteTokenAndReadOnlyViewersNeverSeeIt() throws Exception {
        Session ro = open(true);
        assertThat(ro.readWriteToken()).isNull();
        assertThat(ro.info(Role.READ_WRITE).rwToken()).isEmpty();
        Session rw = open(false);
        assertThat(rw.info(Role.READ_ONLY).rwToken()).isEmpty();
        assertThat(rw.info(Role.READ_WRITE).rwToken()).isEqualTo(rw.readWriteToken());
    }

    @Test
    void lateJoinerGetsASnapshotThenTheLiveStream() throws Exception {
        Session s = open(false);
        out(s, "before\r\n");
        RecordingParticipant p = join(s.readOnlyToken(), Seat.Style.STREAM);
        assertThat(p.wakes.get()).isPositive();
        List<Delivery> first = p.drain();
        assertThat(first).hasSize(1);
        Delivery.Snapshot snap = (Delivery.Snapshot) first.get(0);
        assertThat(snap.cols()).isEqualTo(80);
        assertThat(new String(snap.data(), StandardCharsets.UTF_8)).contains("before");
        out(s, "after");
        assertThat(p.drain()).containsExactly(new Delivery.Output("after".getBytes()));
    }

    @Test
    void aParticipantThatDoesNotDrainLosesItsBacklogAndIsResynchronisedWhileOthersGetEverything() throws Exception {
        Session s = open(false);
        RecordingParticipant stalled = join(s.readOnlyToken(), Seat.Style.STREAM);
        RecordingParticipant live = join(s.readOnlyToken(), Seat.Style.STREAM);
        stalled.drain();
        live.drain();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            String line = "line " + i + "\r\n";
            all.append(line);
            out(s, line);
            live.drain();  // the live one keeps up
        }
        assertThat(live.outputText()).isEqualTo(all.toString());
        assertThat(stalled.seat.resyncs()).isPositive();
        List<Delivery> catchUp = stalled.drain();
        assertThat(catchUp.get(0)).isInstanceOf(Delivery.Snapshot.class);
        String screen = new String(((Delivery.Snapshot) catchUp.get(0)).data(), StandardCharsets.UTF_8);
        assertThat(screen).contains("line 1999");
        long queued = catchUp.stream().filter(d -> d instanceof Delivery.Output).mapToLong(d -> ((Delivery.Output) d).data().length).sum();
        assertThat(queued).isLessThanOrEqualTo(4096);
        out(s, "fresh");
        assertThat(stalled.drain()).containsExactly(new Delivery.Output("fresh".getBytes()));
    }

    @Test
    void aStalledParticipantIsDisconnectedAfterTheTimeout() throws Exception {
        hub.close();
        hub = new Hub(new HubLimits(4096, Duration.ofMillis(200), 0), SessionLog.NONE, new FailureLimiter());
        Session s = open(false);
        RecordingParticipant p = join(s.readOnlyToken(), Seat.Style.STREAM);
        out(s, "x");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (p.disconnected == null && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(p.disconnected).startsWith("too slow");
        assertThat(s.participantCount()).isZero();
        assertThat(source.notices).anyMatch(n -> n.startsWith("left: read-only via test"));
    }

    /**
     * A joiner's snapshot is the screen at exactly the position its stream continues from, while
     * the screen model is fed off the delivery path: replaying snapshot + stream gives the session's
     * screen, for participants that keep up and for ones resynchronised over and over.
     */
    @Test
    void snapshotsMatchTheStreamPositionWhileOutputRunsConcurrently() throws Exception {
        Session s = open(false);
        RecordingParticipant keepsUp = join(s.readOnlyToken(), Seat.Style.STREAM);
        RecordingParticipant lags = join(s.readOnlyToken(), Seat.Style.STREAM);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        List<byte[]> chunks = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread producer = Thread.ofPlatform().start(() -> {
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < 60_000; i++) {
                chunk.append(i % 5 == 0 ? "\r\n" : "").append("\033[3").append(i % 8).append('m').append(i)
                        .append(i % 11 == 0 ? "\033[2;5H*" : " ");
                if (i % 37 == 0) {  // chunks of ~200 to ~6,000 bytes: some fed inline, most by the worker
                    if (i % 3 == 0) chunk.append("w".repeat(5000));
                    byte[] b = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    all.writeBytes(b);
                    chunks.add(b);
                    s.output(b, 0, b.length);
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000);
                    chunk.setLength(0);
                }
            }
        });
        List<RecordingParticipant> late = new java.util.ArrayList<>();
        int lastJoin = 0, lastLagDrain = 0;
        while (producer.isAlive()) {
            keepsUp.drain();
            int n = chunks.size();
            if (n - lastLagDrain >= 25) { lags.drain(); lastLagDrain = n; }
            if (n - lastJoin >= 60) { late.add(join(s.readOnlyToken(), Seat.Style.STREAM)); lastJoin = n; }
            Thread.onSpinWait();
        }
        producer.join();
        keepsUp.drain();
        lags.drain();
        for (RecordingParticipant p : late) p.drain();
        assertThat(lags.seat.resyncs()).as("the test exercised resynchronisation").isPositive();
        assertThat(late).isNotEmpty();
        dev.ferry.terminal.Terminal whole = new dev.ferry.terminal.Terminal(80, 24);
        whole.feed(all.toByteArray());
        String expected = whole.ansiText() + "@" + whole.cursorX() + "," + whole.cursorY();
        assertThat(s.screen().<String>read(t -> t.ansiText() + "@" + t.cursorX() + "," + t.cursorY())).isEqualTo(expected);
        for (RecordingParticipant p : concat(List.of(keepsUp, lags), late)) {
            assertThat(replay(p.received)).isEqualTo(expected);
        }
        // Each snapshot, on its own, equals the screen after exactly the chunks before the output that follows it.
        java.util.Map<java.nio.ByteBuffer, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < chunks.size(); i++) index.put(java.nio.ByteBuffer.wrap(chunks.get(i)), i);
        java.util.TreeMap<Integer, List<Delivery.Snapshot>> byPosition = new java.util.TreeMap<>();
        for (RecordingParticipant p : concat(List.of(keepsUp, lags), late)) {
            for (int i = 0; i < p.received.size(); i++) {
                if (!(p.received.get(i) instanceof Delivery.Snapshot sn)) continue;
                int position = chunks.size();
                for (int k = i + 1; k < p.received.size(); k++) {
                    if (p.received.get(k) instanceof Delivery.Output o) {
                        position = index.get(java.nio.ByteBuffer.wrap(o.data()));
                        break;
                    }
                    if (p.received.get(k) instanceof Delivery.Snapshot) {
                        position = -1;  // its stream was cut (overflow) before any output: no position to check
                        break;
                    }
                }
                if (position >= 0) byPosition.computeIfAbsent(position, x -> new java.util.ArrayList<>()).add(sn);
            }
        }
        assertThat(byPosition.size()).as("snapshots at several positions").isGreaterThan(3);
        dev.ferry.terminal.Terminal prefix = new dev.ferry.terminal.Terminal(80, 24);
        int fed = 0;
        for (var e : byPosition.entrySet()) {
            while (fed < e.getKey()) prefix.feed(chunks.get(fed++));
            String want = prefix.ansiText() + "@" + prefix.cursorX() + "," + prefix.cursorY();
            for (Delivery.Snapshot sn : e.getValue()) {
                assertThat(replay(List.of(sn))).as("snapshot before chunk %d", e.getKey()).isEqualTo(want);
            }
        }
    }

    private static List<RecordingParticipant> concat(List<RecordingParticipant> a, List<RecordingParticipant> b) {
        List<RecordingParticipant> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** What a browser does with its deliveries: reset to each snapshot, then apply the stream. */
    private static String replay(List<Delivery> deliveries) {
        dev.ferry.terminal.Terminal t = null;
        for (Delivery d : deliveries) {
            switch (d) {
                case Delivery.Snapshot sn -> {
                    t = new dev.ferry.terminal.Terminal(sn.cols(), sn.rows());
                    t.feed(sn.data());
                }
                case Delivery.Output o -> t.feed(o.data());
                case Delivery.Resize r -> t.resize(r.cols(), r.rows());
                default -> { }
            }
        }
        return t.ansiText() + "@" + t.cursorX() + "," + t.cursorY();
    }

    @Test
    void renderedSeatsGetCoalescedChangesAndPullTheFrame() throws Exception {
        Session s = open(false);
        RecordingParticipant p = join(s.readWriteToken(), Seat.Style.RENDERED);
        assertThat(p.drain()).containsExactly(new Delivery.Changed());
        out(s, "a");
        out(s, "b");
        s.resize(100, 30);
        List<Delivery> d = p.drain();
        assertThat(d).containsExactly(new Delivery.Changed(), new Delivery.Resize(100, 30));
        assertThat(p.seat.frame().cols()).isEqualTo(100);
    }

    @Test
    void joinAndLeaveAreAnnouncedToTheHostAndOthers() throws Exception {
        Session s = open(false);
        RecordingParticipant first = join(s.readWriteToken(), Seat.Style.STREAM);
        first.drain();
        RecordingParticipant second = join(s.readOnlyToken(), Seat.Style.STREAM);
        assertThat(source.notices).containsExactly("joined read-write via test from 10.0.0.1", "joined read-only via test from 10.0.0.1");
        assertThat(first.drain()).containsExactly(new Delivery.Notice("someone joined read-only via test from 10.0.0.1"));
        second.seat.leave();
        second.seat.leave();
        assertThat(source.notices).hasSize(3).last().isEqualTo("left: read-only via test from 10.0.0.1");
    }

    @Test
    void endingTellsEveryoneAndKillsTheTokens() throws Exception {
        Session s = open(false);
        RecordingParticipant p = join(s.readOnlyToken(), Seat.Style.STREAM);
        p.drain();
        s.end("the host's command exited (status 0)");
        List<Delivery> d = p.drain();
        assertThat(d).containsExactly(new Delivery.Ended("the host's command exited (status 0)"));
        assertThat(((Delivery.Ended) d.get(0)).line()).isEqualTo("session ended: the host's command exited (status 0)");
        assertThat(source.ended).isEqualTo("the host's command exited (status 0)");
        assertThatThrownBy(() -> join(s.readOnlyToken(), Seat.Style.STREAM))
                .isInstanceOf(JoinRefusedException.class).hasMessage("Invalid or expired session token");
        assertThat(hub.sessions()).isEmpty();
    }

    @Test
    void badTokensAreRefusedAndRepeatedFailuresBlockTheAddress() throws Exception {
        Session s = open(false);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> join("nosuchtokenaaaaaaaaaaaaaaa", Seat.Style.STREAM))
                    .hasMessage(JoinRefusedException.INVALID_TOKEN);
        }
        assertThatThrownBy(() -> join(s.readWriteToken(), Seat.Style.STREAM))
                .as("even a good token, from an address that failed too often")
                .hasMessage(JoinRefusedException.TOO_MANY_FAILURES);
        RecordingParticipant other = new RecordingParticipant("10.0.0.2");
        assertThat(hub.join(s.readWriteToken(), other, Seat.Style.STREAM).role()).isEqualTo(Role.READ_WRITE);
    }

    @Test
    void smallestWriterPolicyAsksTheSourceForTheSmallestReadWriteWindow() throws Exception {
        int[] asked = new int[2];
        RecordingSource src = new RecordingSource() {
            @Override public void resize(int cols, int rows) { asked[0] = cols; asked[1] = rows; }
        };
        Session s = hub.open(src, new SessionSpec("tmate", false, 80, 24, "h", ResizePolicy.SMALLEST_WRITER));
        RecordingParticipant a = join(s.readWriteToken(), Seat.Style.RENDERED);
        RecordingParticipant b = join(s.readWriteToken(), Seat.Style.RENDERED);
        RecordingParticipant viewer = join(s.readOnlyToken(), Seat.Style.RENDERED);
        a.seat.resize(120, 40);
        b.seat.resize(100, 50);
        viewer.seat.resize(20, 10);
        assertThat(asked).containsExactly(100, 40);
    }

    @Test
    void aParticipantWhoMayOnlyWatchIsSeatedReadOnlyEvenWithTheReadWriteToken() throws Exception {
        Session s = open(false);
        RecordingParticipant viewer = new RecordingParticipant("10.0.0.2") {
            @Override public boolean mayWrite() { return false; }
        };
        viewer.seat = hub.join(s.readWriteToken(), viewer, Seat.Style.STREAM);
        assertThat(viewer.seat.role()).isEqualTo(Role.READ_ONLY);
        viewer.seat.input("rm -rf /\r".getBytes(StandardCharsets.UTF_8));
        assertThat(source.inputText()).isEmpty();
    }

    @Test
    void aQuietSessionsScrollbackIsCompactedAndALaterJoinerGetsTheSameSnapshot() throws Exception {
        hub.close();
        hub = new Hub(new HubLimits(1 << 20, Duration.ofSeconds(60), 300, Duration.ofMillis(200)), SessionLog.NONE, new FailureLimiter());
        Session s = open(false);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            lines.append(i % 7 == 0 ? "\033[1;32m" : "").append("line ").append(i).append(" of scrollback\033[m\r\n");
        }
        out(s, lines.toString());
        byte[] before = ((Delivery.Snapshot) join(s.readOnlyToken(), Seat.Style.STREAM).drain().get(0)).data();
        assertThat(s.screenCompacted()).isFalse();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!s.screenCompacted()) {
            assertThat(System.nanoTime()).as("compacted within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        byte[] after = ((Delivery.Snapshot) join(s.readOnlyToken(), Seat.Style.STREAM).drain().get(0)).data();
        assertThat(new String(after, StandardCharsets.UTF_8)).contains("line 200 of scrollback").contains("line 499");
        assertThat(after).isEqualTo(before);
    }
}
