package dev.ferry.relay.tmate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.Session;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions outliving a tmate host's connection: reconnection data, the grace period, the old link. */
class TmateSessionsTest {
    private final Hub hub = new Hub();
    private final TmateSessions sessions = new TmateSessions(hub, Duration.ofMillis(300));

    @AfterEach
    void close() {
        hub.shutdown("test over");
        sessions.close();
        hub.close();
    }

    private TmateSession ready(TmateHost link, String reconnectionData) {
        return sessions.ready(link, new HostOptions(), reconnectionData, "10.0.0.1");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(20);
        }
    }

    @Test
    void aReconnectingHostGetsItsSessionBackWithFreshDataAndTheOldLinkIsDropped() {
        TmateHost first = new TmateHost(sessions, "10.0.0.1");
        TmateSession s = ready(first, null);
        Session hubSession = hub.sessions().getFirst();
        String data = s.reconnectionData();
        assertThat(data).hasSizeGreaterThan(40);

        // The relay has not noticed the first connection died; the host already dialled again.
        TmateHost second = new TmateHost(sessions, "10.0.0.1");
        assertThat(ready(second, data)).isSameAs(s);
        assertThat(hub.sessions()).containsExactly(hubSession);
        assertThat(first.closed()).isTrue();
        assertThat(second.closed()).isFalse();
        assertThat(s.reconnectionData()).isNotEqualTo(data);

        // Spent data opens a new session, with new links, as would data from another relay.
        TmateSession other = ready(new TmateHost(sessions, "10.0.0.1"), data);
        assertThat(other).isNotSameAs(s);
        assertThat(hub.sessions()).hasSize(2);
        assertThat(ready(new TmateHost(sessions, "10.0.0.1"), "made-up")).isNotSameAs(s);
    }

    @Test
    void aHostThatDoesNotComeBackLosesItsSessionAfterTheGracePeriod() throws Exception {
        TmateHost link = new TmateHost(sessions, "10.0.0.1");
        TmateSession s = ready(link, null);
        Session hubSession = hub.sessions().getFirst();
        String data = s.reconnectionData();
        s.lost(link);
        assertThat(hubSession.endReason()).isNull();
        waitFor(() -> hubSession.endReason() != null);
        assertThat(hubSession.endReason()).isEqualTo("the tmate host did not reconnect within 300 ms");
        assertThat(hub.sessions()).isEmpty();
        assertThat(ready(new TmateHost(sessions, "10.0.0.1"), data)).isNotSameAs(s);
    }

    @Test
    void aHostBackWithinTheGracePeriodKeepsItsSession() throws Exception {
        TmateHost link = new TmateHost(sessions, "10.0.0.1");
        TmateSession s = ready(link, null);
        Session hubSession = hub.sessions().getFirst();
        s.lost(link);
        assertThat(ready(new TmateHost(sessions, "10.0.0.1"), s.reconnectionData())).isSameAs(s);
        Thread.sleep(600);
        assertThat(hubSession.endReason()).isNull();
        // A late report from the old link changes nothing.
        s.lost(link);
        Thread.sleep(600);
        assertThat(hubSession.endReason()).isNull();
    }

    @Test
    void finEndsTheSessionAndForgetsItsReconnectionData() {
        TmateHost link = new TmateHost(sessions, "10.0.0.1");
        TmateSession s = ready(link, null);
        String data = s.reconnectionData();
        s.end(link, "the host ended the tmate session");
        assertThat(hub.sessions()).isEmpty();
        assertThat(link.closed()).isTrue();
        assertThat(ready(new TmateHost(sessions, "10.0.0.1"), data)).isNotSameAs(s);
    }

    @Test
    void aQuietSessionsMirrorIsCompacted() throws Exception {
        Hub quick = new Hub(new dev.ferry.relay.hub.HubLimits(1 << 20, Duration.ofSeconds(60), 200, Duration.ofMillis(200)),
                dev.ferry.relay.hub.SessionLog.NONE, new dev.ferry.relay.auth.FailureLimiter());
        try (TmateSessions quiet = new TmateSessions(quick, Duration.ofMillis(300))) {
            TmateHost link = new TmateHost(quiet, "10.0.0.1");
            TmateSession s = quiet.ready(link, new HostOptions(), null, "10.0.0.1");
            s.layout(link, new Layout(40, 10, java.util.List.of(new Layout.Window(0, "bash",
                    java.util.List.of(new Layout.Pane(0, 40, 10, 0, 0)), 0)), 0));
            s.output(link, 0, "a line of scrollback\r\n".repeat(500).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(s.mirrorCompacted()).isFalse();
            waitFor(s::mirrorCompacted);
        } finally {
            quick.shutdown("test over");
            quick.close();
        }
    }
}
