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
}
