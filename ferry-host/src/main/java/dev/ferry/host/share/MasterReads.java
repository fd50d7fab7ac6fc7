package dev.ferry.host.share;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.reflect.Field;

/**
 * Reads a PTY master through a {@link FileInputStream} on a descriptor of its own: a blocking
 * read(2) and FIONREAD ({@link FileInputStream#available}) through the JDK's own native code.
 *
 * <p>Why: through JNA every call costs a proxy, reflection and argument conversion, and a PTY
 * hands out at most 4 KB a read. Reading 157 MB of {@code cat} output took 7.8-8.5 s of the reader's
 * CPU per GB through pty4j and JNA, and 5.1-5.3 this way; a keystroke's echo also skips pty4j's
 * poll. The JDK gives no way to wrap a descriptor number, so the {@code FileDescriptor}'s field is set
 * by reflection, which needs {@code --add-opens java.base/java.io} ({@code ferry.jar}'s manifest
 * says so); without it {@link #usable()} is false and {@link PtyOutput} reads as before.
 */
final class MasterReads {
    /** Up to this many bytes the JDK reads through a buffer on the stack; a larger read allocates one per call. */
    private static final int MAX_READ = 8192;
    private static final Field FD = fdField();

    private final FileInputStream in;

    private static Field fdField() {
        try {
            Field f = FileDescriptor.class.getDeclaredField("fd");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {   // not opened to us: InaccessibleObjectException
            return null;
        }
    }

    static boolean usable() {
        return FD != null;
    }

    /** Reads {@code fd} (a duplicate of the master, which this closes at the end); only when {@link #usable()}. */
    MasterReads(int fd) {
        FileDescriptor d = new FileDescriptor();
        try {
            FD.setInt(d, fd);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);   // setAccessible succeeded: cannot happen
        }
        in = new FileInputStream(d);
    }

    /** Blocks until there is output, then returns as much as is already there (at most {@code buf.length}); -1 at the end. */
    int read(byte[] buf) {
        int n = 0;
        try {
            n = in.read(buf, 0, Math.min(buf.length, MAX_READ));
            while (n > 0 && n < buf.length) {
                int ready = in.available();
                if (ready <= 0) break;
                int m = in.read(buf, n, Math.min(MAX_READ, Math.min(ready, buf.length - n)));
                if (m <= 0) break;
                n += m;
            }
        } catch (IOException e) {
            // EIO: every process that held the PTY has gone, after its last output was read
        }
        if (n > 0) return n;
        close();
        return -1;
    }

    void close() {
        try {
            in.close();
        } catch (IOException e) {
            // closing a descriptor we own: nothing to do about a failure
        }
    }
}
