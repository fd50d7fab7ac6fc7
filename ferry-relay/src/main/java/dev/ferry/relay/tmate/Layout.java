package dev.ferry.relay.tmate;

import java.util.List;

/**
 * The host's windows and panes as its last SYNC_LAYOUT described them. Window indexes are the
 * numbers the status line shows; pane ids are tmux's global {@code %N}.
 */
record Layout(int cols, int rows, List<Window> windows, int activeWindow) {
    /** Bounds on what a host may describe; larger values mean a malformed or hostile stream. */
    static final int MAX_SIZE = 1000, MAX_WINDOWS = 1000, MAX_PANES = 1000;

    static final Layout INITIAL = new Layout(80, 23, List.of(), 0);

    record Pane(int id, int cols, int rows, int x, int y) {}

    record Window(int index, String name, List<Pane> panes, int activePane) {}

    /** The current window, or null when the host named none that exists. */
    Window current() {
        for (Window w : windows) {
            if (w.index() == activeWindow) return w;
        }
        return windows.isEmpty() ? null : windows.get(0);
    }

    /** The active pane of the current window, or null. */
    Pane activePane() {
        Window w = current();
        if (w == null) return null;
        for (Pane p : w.panes()) {
            if (p.id() == w.activePane()) return p;
        }
        return w.panes().isEmpty() ? null : w.panes().get(0);
    }
}
