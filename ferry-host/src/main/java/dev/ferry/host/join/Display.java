package dev.ferry.host.join;

import dev.ferry.terminal.Renderer;
import dev.ferry.terminal.Terminal;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Puts the session on the joiner's stdout. When the local window holds the session's size, the
 * host's bytes pass through untouched; when it is smaller, a mirror of the session is rendered into
 * the local size with {@link Renderer} (cropped around the cursor) so the screen never turns to
 * garbage. Passing through, terminal queries are taken out ({@link QueryFilter}): the host answers
 * them. Every snapshot resets the local terminal first. Callers serialise calls.
 */
final class Display {
    /** Leaves modes a session may have switched on in the local terminal (alternate screen, mouse...). */
    static final String RESTORE_MODES = "\033[?1049l\033[?1l\033>\033[?2004l\033[?1000l\033[?1002l\033[?1003l"
            + "\033[?1006l\033[?1004l\033[?25h\033[0m\0337\033[r\0338";

    private final OutputStream out;
    private final boolean interactive;
    private final QueryFilter queries = new QueryFilter();
    private Terminal mirror;
    private int localCols, localRows;
    private Renderer renderer;  // null while passing through

    Display(OutputStream out, boolean interactive, int[] localSize) {
        this.out = out;
        this.interactive = interactive;
        if (localSize != null) {
            localCols = localSize[0];
            localRows = localSize[1];
        }
    }

    void snapshot(int cols, int rows, byte[] data) throws IOException {
        if (interactive) {
            mirror = new Terminal(cols, rows, 0);
            mirror.feed(data);
            if (fits()) {
                renderer = null;
            } else {
                renderer = new Renderer(localCols, localRows);
                write(renderer.render(mirror.frame(), null));
                return;
            }
        }
        write("\033c".getBytes(StandardCharsets.US_ASCII));
        write(data);
    }

    void output(byte[] data) throws IOException {
        if (mirror != null) mirror.feed(data);
        if (renderer != null) write(renderer.render(mirror.frame(), null));
        else write(queries.apply(data));
    }

    /** The session's size changed. */
    void sessionResized(int cols, int rows) throws IOException {
        if (mirror == null) return;
        mirror.resize(cols, rows);
        choose();
    }

    /** The local window changed. */
    void localResized(int cols, int rows) throws IOException {
        localCols = cols;
        localRows = rows;
        if (mirror != null) choose();
    }

    /** The session's title now (to put back after a notice borrowed the title bar). */
    String title() {
        return mirror == null || mirror.title() == null ? "" : mirror.title();
    }

    private boolean fits() {
        return localCols == 0 || (localCols >= mirror.cols() && localRows >= mirror.rows());
    }

    private void choose() throws IOException {
        if (fits()) {
            if (renderer != null) {
                renderer = null;
                write("\033c".getBytes(StandardCharsets.US_ASCII));
                write(mirror.snapshot(0));
            }
        } else {
            if (renderer == null) renderer = new Renderer(localCols, localRows);
            else renderer.resize(localCols, localRows);
            write(renderer.render(mirror.frame(), null));
        }
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }
}
