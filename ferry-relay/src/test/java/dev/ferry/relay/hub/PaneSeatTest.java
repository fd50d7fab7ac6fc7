package dev.ferry.relay.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.Message;
import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.hub.Recorders.RecordingParticipant;
import dev.ferry.relay.hub.Recorders.RecordingSource;
import dev.ferry.terminal.Terminal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pane seats: a browser watching a source with panes gets the layout and each pane's own stream. */
class PaneSeatTest {
    private static final Message.Layout TWO_PANES = new Message.Layout(81, 23, 0, "[tmate] ", "", List.of(
            new Message.Layout.Window(0, "bash", 1, List.of(
                    new Message.Layout.Pane(1, 0, 0, 40, 23),
                    new Message.Layout.Pane(2, 41, 0, 40, 23)))));

    private final Hub hub = new Hub(new HubLimits(4096, Duration.ofSeconds(60), 10), SessionLog.NONE, new FailureLimiter());
    private final RecordingSource source = new RecordingSource();

    @AfterEach
    void close() {
        hub.close();
    }

    private Session open() {
        return hub.open(source, new SessionSpec("tmate", false, 81, 24, "10.0.0.9", ResizePolicy.SMALLEST_WRITER));
    }

    private RecordingParticipant join(String token, Seat.Style style) throws JoinRefusedException {
        RecordingParticipant p = new RecordingParticipant("10.0.0.1");
        p.seat = hub.join(token, p, style);
        return p;
    }

    private static void pane(Session s, int pane, String text) {
        s.paneOutput(pane, text.getBytes(StandardCharsets.UTF_8));
    }

    /** What each pane shows, replaying a pane seat's deliveries into one terminal per pane. */
    private static Map<Integer, String> screens(List<Delivery> deliveries) {
        Map<Integer, Terminal> panes = new HashMap<>();
        for (Delivery d : deliveries) {
            switch (d) {
                case Delivery.PaneSnapshot sn -> {
                    Terminal t = new Terminal(sn.cols(), sn.rows());
                    t.feed(sn.data());
                    panes.put(sn.pane(), t);
                }
                case Delivery.PaneOutput o -> panes.get(o.pane()).feed(o.data());
                default -> { }
            }
        }
        Map<Integer, String> text = new HashMap<>();
        panes.forEach((id, t) -> text.put(id, t.frame().text().lines().findFirst().orElse("").strip()));
        return text;
    }

    @Test
    void aPaneSeatStartsWithTheLayoutAndEveryPaneThenFollowsEachPane() throws Exception {
        Session s = open();
        s.layout(TWO_PANES);
        pane(s, 1, "left before");
        pane(s, 2, "right before");
        RecordingParticipant p = join(s.readOnlyToken(), Seat.Style.PANES);
        assertThat(p.seat.style()).isEqualTo(Seat.Style.PANES);
        List<Delivery> first = p.drain();
        assertThat(first.get(0)).isEqualTo(new Delivery.Layout(TWO_PANES));
        assertThat(first.subList(1, 3)).extracting(d -> ((Delivery.PaneSnapshot) d).pane()).containsExactly(1, 2);
        assertThat(screens(first)).containsEntry(1, "left before").containsEntry(2, "right before");

        pane(s, 2, " and after");
        s.output("composed".getBytes(), 0, 8);   // the composed picture is not for pane seats
        s.resize(100, 30);
        List<Delivery> next = p.drain();
        assertThat(next).containsExactly(new Delivery.PaneOutput(2, " and after".getBytes()));
        assertThat(screens(p.received)).containsEntry(2, "right before and after");
    }

    @Test
    void aStreamSeatInTheSameSessionGetsOnlyTheComposedPicture() throws Exception {
        Session s = open();
        s.layout(TWO_PANES);
        RecordingParticipant stream = join(s.readOnlyToken(), Seat.Style.STREAM);
        stream.drain();
        pane(s, 1, "pane bytes");
        s.output("composed".getBytes(), 0, 8);
        assertThat(stream.drain()).containsExactly(new Delivery.Output("composed".getBytes()));
    }

    @Test
    void withoutPanesAPaneSeatIsAStreamSeat() throws Exception {
        Session s = open();
        RecordingParticipant p = join(s.readOnlyToken(), Seat.Style.PANES);
        assertThat(p.seat.style()).isEqualTo(Seat.Style.STREAM);
        assertThat(p.drain().get(0)).isInstanceOf(Delivery.Snapshot.class);
    }

    @Test
    void aChangedLayoutReachesPaneSeatsInStreamOrderAndOutputForUnknownPanesIsDropped() throws Exception {
        Session s = open();
        s.layout(TWO_PANES);
        RecordingParticipant p = join(s.readOnlyToken(), Seat.Style.PANES);
        p.drain();
        Message.Layout one = new Message.Layout(81, 23, 0, "[tmate] ", "", List.of(
                new Message.Layout.Window(0, "bash", 2, List.of(new Message.Layout.Pane(2, 0, 0, 81, 23)))));
        pane(s, 1, "last words");
        s.layout(one);
        pane(s, 1, "gone");
        pane(s, 2, "wide");
        assertThat(p.drain()).containsExactly(new Delivery.PaneOutput(1, "last words".getBytes()), new Delivery.Layout(one),
                new Delivery.PaneOutput(2, "wide".getBytes()));
    }

    @Test
    void aPaneSeatThatFallsBehindStartsOverFromFreshPaneSnapshots() throws Exception {
        Session s = open();
        s.layout(TWO_PANES);
        RecordingParticipant p = join(s.readOnlyToken(), Seat.Style.PANES);
        p.drain();
        for (int i = 0; i < 1000; i++) pane(s, 1, "\r\nline " + i);   // about 10 KB: more than the 4 KB queue limit
        List<Delivery> catchUp = p.drain();
        assertThat(p.seat.resyncs()).isEqualTo(1);
        assertThat(catchUp.get(0)).isEqualTo(new Delivery.Layout(TWO_PANES));
        assertThat(catchUp).noneMatch(d -> d instanceof Delivery.PaneOutput);
        Delivery.PaneSnapshot left = (Delivery.PaneSnapshot) catchUp.get(1);
        Terminal t = new Terminal(left.cols(), left.rows());
        t.feed(left.data());
        assertThat(t.frame().text().lines().toList().get(t.cursorY()).strip()).isEqualTo("line 999");
    }

    @Test
    void manyPanesFullOfHistoryStartOverWithinTheHistoryBudget() throws Exception {
        Hub deep = new Hub(new HubLimits(1 << 20, Duration.ofSeconds(60), 1000), SessionLog.NONE, new FailureLimiter());
        try {
            joinManyPanes(deep);
        } finally {
            deep.close();
        }
    }

    private void joinManyPanes(Hub deep) throws Exception {
        Session s = deep.open(source, new SessionSpec("tmate", false, 200, 51, "10.0.0.9", ResizePolicy.SMALLEST_WRITER));
        List<Message.Layout.Pane> many = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) many.add(new Message.Layout.Pane(i, 0, 0, 200, 50));
        s.layout(new Message.Layout(200, 50, 0, "", "", List.of(new Message.Layout.Window(0, "w", 0, many))));
        String line = "x".repeat(199) + "\r\n";
        for (int i = 0; i < 40; i++) pane(s, i, line.repeat(1000));   // about 200 KB of history each, 8 MB in all
        RecordingParticipant p = new RecordingParticipant("10.0.0.1");
        p.seat = deep.join(s.readOnlyToken(), p, Seat.Style.PANES);
        List<Delivery> first = p.drain();
        long bytes = first.stream().filter(d -> d instanceof Delivery.PaneSnapshot)
                .mapToLong(d -> ((Delivery.PaneSnapshot) d).data().length).sum();
        assertThat(first).hasSize(41);
        assertThat(((Delivery.PaneSnapshot) first.get(1)).data().length).isGreaterThan(100_000);   // the first ones keep history
        assertThat(((Delivery.PaneSnapshot) first.get(40)).data().length).isLessThan(20_000);      // the last ones do not
        assertThat(bytes).isLessThan(PaneScreens.HISTORY_BUDGET + 2 * 250_000);
    }

    @Test
    void onlyReadWriteSeatsSelectPanes() throws Exception {
        Session s = open();
        s.layout(TWO_PANES);
        join(s.readOnlyToken(), Seat.Style.PANES).seat.selectPane(1);
        join(s.readWriteToken(), Seat.Style.PANES).seat.selectPane(2);
        assertThat(source.selected).containsExactly(2);
    }
}
