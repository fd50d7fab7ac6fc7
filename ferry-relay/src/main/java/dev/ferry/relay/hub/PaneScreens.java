package dev.ferry.relay.hub;

import dev.ferry.protocol.Message;
import dev.ferry.terminal.Terminal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The panes of a session whose source has them (a tmate host): the last layout and one screen
 * model per pane, so that a pane seat that joins or falls behind gets every pane back exactly.
 * Each pane's model is a {@link ScreenFeed}, fed off the delivery path like the session's own.
 *
 * <p>Guarded by the session's lock.
 */
final class PaneScreens {
    /**
     * History bytes one start-over may carry in all: past it, the remaining panes come without their
     * history. A host with many panes full of history would otherwise cost every joining browser
     * up to a megabyte a pane.
     */
    static final long HISTORY_BUDGET = 4L << 20;

    private final Executor worker;
    private final long maxPending;
    private final Map<Integer, ScreenFeed> screens = new HashMap<>();
    private Message.Layout layout;

    PaneScreens(Executor worker, long maxPending) {
        this.worker = worker;
        this.maxPending = maxPending;
    }

    /**
     * Takes a new layout: panes it adds get a screen, panes it resizes are resized in stream order,
     * the rest go. Returns the screens to {@link ScreenFeed#kick} once the session's lock is released.
     */
    List<ScreenFeed> layout(Message.Layout next) {
        Set<Integer> live = new HashSet<>();
        for (Message.Layout.Window w : next.windows()) {
            for (Message.Layout.Pane p : w.panes()) {
                live.add(p.id());
                ScreenFeed screen = screens.get(p.id());
                if (screen == null) {
                    screens.put(p.id(), new ScreenFeed(new Terminal(p.cols(), p.rows()), worker, maxPending));
                } else {
                    screen.resize(p.cols(), p.rows());
                }
            }
        }
        screens.keySet().retainAll(live);
        layout = next;
        return List.copyOf(screens.values());
    }

    Message.Layout layout() {
        return layout;
    }

    /** Every pane's screen. */
    List<ScreenFeed> all() {
        return List.copyOf(screens.values());
    }

    /** The pane's screen, or null for a pane the layout does not name (its output is dropped). */
    ScreenFeed screen(int pane) {
        return screens.get(pane);
    }

    /** Everything a pane seat needs to start over: the layout, then each pane as it is now. */
    List<Delivery> snapshot(int historyLines) {
        List<Delivery> out = new ArrayList<>(screens.size() + 1);
        out.add(new Delivery.Layout(layout));
        long budget = HISTORY_BUDGET;
        for (Message.Layout.Window w : layout.windows()) {
            for (Message.Layout.Pane p : w.panes()) {
                int lines = budget > 0 ? historyLines : 0;
                Delivery.PaneSnapshot snapshot = screens.get(p.id()).read(
                        t -> new Delivery.PaneSnapshot(p.id(), t.cols(), t.rows(), ScreenFeed.snapshot(t, lines)));
                budget -= snapshot.data().length;
                out.add(snapshot);
            }
        }
        return out;
    }
}
