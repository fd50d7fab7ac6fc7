package dev.ferry.host.share;

import dev.ferry.terminal.Renderer;
import dev.ferry.terminal.Terminal;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Shows notices ("joined read-only via ssh from ...") on the host's last row for a few seconds
 * without corrupting its screen: a {@link Renderer} that believes the host's terminal shows the
 * mirror's current frame draws the notice as its status line (only that row changes), and later
 * repaints the rows that differ from the mirror, the last one included.
 *
 * <p>All writes happen under {@code screenLock}, the lock the PTY output to the host's terminal takes.
 */
final class NoticeBar {
    static final long SHOW_MILLIS = 3000;

    private final OutputStream out;
    private final Object screenLock;
    private final Terminal mirror;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ferry-notice");
        t.setDaemon(true);
        return t;
    });
    private Renderer renderer;
    private ScheduledFuture<?> pendingClear;
    private int cols, rows;

    NoticeBar(OutputStream out, Object screenLock, Terminal mirror, int cols, int rows) {
        this.out = out;
        this.screenLock = screenLock;
        this.mirror = mirror;
        this.cols = cols;
        this.rows = rows;
    }

    /** The host's window changed (called under screenLock). */
    void resize(int cols, int rows) {
        this.cols = cols;
        this.rows = rows;
        renderer = null;
    }

    void show(String text) {
        String line = " ferry: " + text + " ";
        synchronized (screenLock) {
            if (line.length() > cols) line = line.substring(0, cols);
            renderer = new Renderer(cols, rows);
            renderer.render(mirror.frame(), null);  // what the host's terminal shows now
            byte[] bytes = renderer.render(mirror.frame(), line);
            write(bytes);
            if (pendingClear != null) pendingClear.cancel(false);
            pendingClear = timer.schedule(this::clear, SHOW_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void clear() {
        synchronized (screenLock) {
            // After a resize the old renderer is gone: a fresh one repaints the whole screen.
            Renderer r = renderer != null ? renderer : new Renderer(cols, rows);
            write(r.render(mirror.frame(), null));
            renderer = null;
        }
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // the host's terminal is gone
        }
    }

    void close() {
        timer.shutdownNow();
    }
}
