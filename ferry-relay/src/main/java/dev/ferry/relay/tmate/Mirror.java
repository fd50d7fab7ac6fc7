package dev.ferry.relay.tmate;

import dev.ferry.terminal.Canvas;
import dev.ferry.terminal.Frame;
import dev.ferry.terminal.Terminal;
import dev.ferry.protocol.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relay's copy of a tmate host's session: one screen model per pane fed by that pane's output,
 * the layout, the host's status text and each pane's copy-mode text. {@link #compose} draws the
 * current window the way tmate-ssh-server's tmux does: panes, borders, and a status line.
 *
 * <p>Not thread-safe: owned by the host link's reader thread.
 */
final class Mirror {
    static final int COPY_LINES = 200;
    private static final int MAX_NAME = 100, MAX_STATUS = 500;
    private static final int GREEN = 2, BLACK = 0, YELLOW = 3;

    private Layout layout = Layout.INITIAL;
    private final Map<Integer, Terminal> panes = new HashMap<>();
    private final Map<Integer, Deque<String>> copyText = new HashMap<>();
    /** Panes in copy mode: browsing their own history (backing) or showing a text list (the Tip screen). */
    private final Map<Integer, CopyView> inCopyMode = new HashMap<>();

    /** The host's copy-mode state of a pane: scrolled {@code linesBack} into history, copy cursor at x, y. */
    record CopyView(boolean backing, int linesBack, int x, int y) {
        static final CopyView TEXT = new CopyView(false, 0, 0, 0);
    }
    private String statusLeft, statusRight;

    Layout layout() {
        return layout;
    }

    /** Keeps every pane's scrollback deflated ({@link Terminal#compactHistory}): the host went quiet. */
    void compactHistory() {
        panes.values().forEach(Terminal::compactHistory);
    }

    /** Whether every pane's scrollback is compacted and unread since (for tests). */
    boolean historyCompacted() {
        return panes.values().stream().allMatch(Terminal::historyCompacted);
    }

    /** The size of the composed picture: the window area plus the status row. */
    int cols() {
        return layout.cols();
    }

    int rows() {
        return layout.rows() + 1;
    }

    void layout(Layout next) {
        Set<Integer> live = new HashSet<>();
        for (Layout.Window w : next.windows()) {
            for (Layout.Pane p : w.panes()) {
                live.add(p.id());
                Terminal t = panes.get(p.id());
                if (t == null) {
                    panes.put(p.id(), new Terminal(Math.max(1, p.cols()), Math.max(1, p.rows())));
                } else if (t.cols() != p.cols() || t.rows() != p.rows()) {
                    t.resize(Math.max(1, p.cols()), Math.max(1, p.rows()));
                }
            }
        }
        panes.keySet().retainAll(live);
        copyText.keySet().retainAll(live);
        inCopyMode.keySet().retainAll(live);
        layout = next;
    }

    /** Output of a pane; data for a pane the layout never named is dropped. */
    void output(int paneId, byte[] data) {
        Terminal t = panes.get(paneId);
        if (t != null) t.feed(data);
    }

    /** Each pane of the layout by id (its size is what a snapshot is rebuilt at). */
    Map<Integer, Layout.Pane> paneSizes() {
        Map<Integer, Layout.Pane> out = new HashMap<>();
        for (Layout.Window w : layout.windows()) {
            for (Layout.Pane p : w.panes()) out.put(p.id(), p);
        }
        return out;
    }

    /**
     * A reconnected host's snapshot: each pane's screen model starts over from what the host has,
     * which repairs whatever output was lost while the connection was down.
     */
    void snapshot(Map<Integer, byte[]> rebuilt) {
        Map<Integer, Layout.Pane> sizes = paneSizes();
        rebuilt.forEach((id, bytes) -> {
            Layout.Pane p = sizes.get(id);
            if (p == null) return;
            Terminal t = new Terminal(Math.max(1, p.cols()), Math.max(1, p.rows()));
            t.feed(bytes);
            panes.put(id, t);
        });
    }

    void status(String left, String right) {
        statusLeft = stripStyles(left);
        statusRight = stripStyles(right);
    }

    /** SYNC_COPY_MODE: null means the pane left copy mode. */
    void copyMode(int paneId, CopyView view) {
        if (view != null) {
            inCopyMode.put(paneId, view);
        } else {
            inCopyMode.remove(paneId);
            copyText.remove(paneId);
        }
    }

    /** WRITE_COPY_MODE: a line of the pane's text list (the startup tip, notifications). */
    void copyLine(int paneId, String line) {
        inCopyMode.putIfAbsent(paneId, CopyView.TEXT);   // lines are only written to a pane in tmux's output copy mode
        Deque<String> lines = copyText.computeIfAbsent(paneId, k -> new ArrayDeque<>());
        lines.addLast(line);
        while (lines.size() > COPY_LINES) lines.removeFirst();
    }

    /** The current window as one picture of {@link #cols()} x {@link #rows()}. */
    Frame compose() {
        int cols = cols(), rows = rows(), areaRows = layout.rows();
        Canvas canvas = new Canvas(cols, rows);
        Layout.Window window = layout.current();
        Layout.Pane active = layout.activePane();
        boolean[][] covered = new boolean[areaRows][cols];
        if (window != null) {
            for (Layout.Pane p : window.panes()) {
                if (p != active) drawPane(canvas, p, covered);
            }
            if (active != null) drawPane(canvas, active, covered);
            if (window.panes().size() > 1) borders(canvas, covered, active);
        }
        statusLine(canvas, rows - 1);
        Terminal t = active == null ? null : panes.get(active.id());
        CopyView copy = active == null ? null : inCopyMode.get(active.id());
        if (t != null && copy != null && copy.backing()) {
            canvas.cursor(active.x() + Math.min(copy.x(), t.cols() - 1), active.y() + Math.min(copy.y(), t.rows() - 1), 0, t.modes());
            canvas.title(t.title());
        } else if (t != null) {
            canvas.cursor(active.x() + Math.min(t.cursorX(), t.cols() - 1), active.y() + t.cursorY(), 0, t.modes());
            canvas.title(t.title());
        }
        return canvas.frame();
    }

    private void drawPane(Canvas canvas, Layout.Pane p, boolean[][] covered) {
        for (int y = Math.max(0, p.y()); y < Math.min(covered.length, p.y() + p.rows()); y++) {
            for (int x = Math.max(0, p.x()); x < Math.min(canvas.cols(), p.x() + p.cols()); x++) {
                covered[y][x] = true;
            }
        }
        Deque<String> text = copyText.get(p.id());
        CopyView copy = inCopyMode.get(p.id());
        if (copy != null && !copy.backing() && text != null) {
            // tmux's "output" copy mode: the text list, newest lines last, over a blank pane.
            for (int y = 0; y < p.rows(); y++) canvas.fill(p.x(), p.y() + y, p.cols(), Canvas.DEFAULT);
            String[] lines = text.toArray(String[]::new);
            int first = Math.max(0, lines.length - p.rows());
            for (int i = first; i < lines.length; i++) {
                canvas.text(p.x(), p.y() + i - first, clip(lines[i], p.cols()), Canvas.DEFAULT, Canvas.DEFAULT, false);
            }
            return;
        }
        Terminal t = panes.get(p.id());
        if (t == null) return;
        if (copy != null && copy.backing()) {
            // tmux's copy mode over the pane's own history, with its position in the top right corner.
            canvas.draw(t.frame(copy.linesBack()), p.x(), p.y(), p.cols(), p.rows());
            String position = "[" + Math.min(copy.linesBack(), t.historySize()) + "/" + t.historySize() + "]";
            if (position.length() <= p.cols()) {
                canvas.text(p.x() + p.cols() - position.length(), p.y(), position, BLACK, YELLOW, false);
            }
            return;
        }
        canvas.draw(t.frame(), p.x(), p.y(), p.cols(), p.rows());
    }

    /** Cells of the window area no pane covers are borders; their shape follows their neighbours. */
    private static void borders(Canvas canvas, boolean[][] covered, Layout.Pane active) {
        int rows = covered.length, cols = canvas.cols();
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                if (covered[y][x]) continue;
                boolean up = y > 0 && !covered[y - 1][x];
                boolean down = y + 1 < rows && !covered[y + 1][x];
                boolean left = x > 0 && !covered[y][x - 1];
                boolean right = x + 1 < cols && !covered[y][x + 1];
                String c = glyph(up, down, left, right);
                boolean nextToActive = active != null && x >= active.x() - 1 && x <= active.x() + active.cols()
                        && y >= active.y() - 1 && y <= active.y() + active.rows();
                canvas.text(x, y, c, nextToActive ? GREEN : Canvas.DEFAULT, Canvas.DEFAULT, false);
            }
        }
    }

    private static String glyph(boolean up, boolean down, boolean left, boolean right) {
        boolean vertical = up || down, horizontal = left || right;
        if (vertical && !horizontal) return "│";
        if (horizontal && !vertical) return "─";
        if (!vertical) return " ";
        if (up && down && left && right) return "┼";
        if (up && down) return left ? "┤" : "├";
        if (left && right) return up ? "┴" : "┬";
        if (down) return right ? "┌" : "┐";
        return right ? "└" : "┘";
    }

    /** tmux's default status line: green, the host's left text, the window list, the host's right text. */
    private void statusLine(Canvas canvas, int y) {
        int cols = canvas.cols();
        canvas.fill(0, y, cols, GREEN);
        StringBuilder left = new StringBuilder(statusLeft == null ? "[tmate] " : statusLeft);
        for (Layout.Window w : layout.windows()) {
            left.append(w.index()).append(':').append(w.name()).append(w.index() == layout.activeWindow() ? "*" : "").append(' ');
        }
        String right = statusRight == null ? "" : statusRight;
        canvas.text(0, y, clip(left.toString(), cols), BLACK, GREEN, false);
        if (!right.isEmpty() && left.length() + right.length() < cols) {
            canvas.text(cols - right.length(), y, right, BLACK, GREEN, false);
        }
    }

    private static String clip(String s, int cols) {
        return s.length() <= cols ? s : s.substring(0, Math.max(0, cols));
    }

    /** Drops tmux style directives ({@code #[fg=red]}) and control characters from status text. */
    static String stripStyles(String s) {
        String plain = s.replaceAll("#\\[[^]]*]", "").replace("##", "#");
        StringBuilder out = new StringBuilder(plain.length());
        plain.codePoints().filter(c -> c >= 0x20 && c != 0x7f).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * The layout as the wire protocol carries it to pane viewers: the current window and each
     * window's active pane resolved, names and status texts clipped (they are the host's strings).
     */
    Message.Layout paneLayout() {
        Layout.Window current = layout.current();
        List<Message.Layout.Window> windows = new ArrayList<>(layout.windows().size());
        for (Layout.Window w : layout.windows()) {
            List<Message.Layout.Pane> wirePanes = new ArrayList<>(w.panes().size());
            int active = w.panes().isEmpty() ? 0 : w.panes().get(0).id();
            for (Layout.Pane p : w.panes()) {
                wirePanes.add(new Message.Layout.Pane(p.id(), p.x(), p.y(), p.cols(), p.rows()));
                if (p.id() == w.activePane()) active = p.id();
            }
            windows.add(new Message.Layout.Window(w.index(), clip(w.name(), MAX_NAME), active, wirePanes));
        }
        return new Message.Layout(layout.cols(), layout.rows(), current == null ? 0 : current.index(),
                clip(statusLeft == null ? "[tmate] " : statusLeft, MAX_STATUS), clip(statusRight == null ? "" : statusRight, MAX_STATUS),
                windows);
    }

    List<Integer> paneIds() {
        return List.copyOf(panes.keySet());
    }
}
