package dev.ferry.protocol.asciicast;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * An existing file written by appending, open only from a write to the next {@link #flush()}: the
 * descriptor is closed at every flush and opened again by the next write.
 *
 * <p>Why: the relay keeps one recording writer per live session, and a descriptor held for each
 * beside the session's socket doubled what a relay of idle sessions needs; 10,000 sessions ran into
 * the process's open-file limit. The writer flushes at most about twice a second, so a busy session
 * opens its file that often, and an idle one holds nothing.
 */
final class OnDemandFile extends OutputStream {
    private final Path path;
    private FileOutputStream out;   // null between a flush and the next write

    OnDemandFile(Path path) {
        this.path = path;
    }

    @Override
    public void write(int b) throws IOException {
        open().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        open().write(b, off, len);
    }

    private OutputStream open() throws IOException {
        if (out == null) out = new FileOutputStream(path.toFile(), true);
        return out;
    }

    /** Closes the descriptor: what was written is with the OS (a FileOutputStream has no buffer of its own). */
    @Override
    public void flush() throws IOException {
        FileOutputStream o = out;
        out = null;
        if (o != null) o.close();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
