package dev.ferry.host.share;

import com.pty4j.PtyProcess;
import com.pty4j.unix.Pty;
import com.pty4j.unix.UnixPtyProcess;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a PTY's output in large chunks: waits (through pty4j) for the first bytes, then takes what
 * the kernel already holds (FIONREAD, then read(2) on the master), up to the caller's buffer.
 *
 * <p>Why: a PTY hands out at most about 4 KB per read, so a program writing fast became one frame per
 * 4 KB on the host, the relay and every participant. Taking what is already there costs a keystroke's
 * echo one ioctl, and turns a fast program's output into frames of tens of KB. Only on Linux (the
 * FIONREAD number); elsewhere, or if libc cannot be reached, it reads as pty4j does.
 *
 * <p>Where it can, it reads a duplicate of the master's descriptor with the JDK's own reads instead
 * ({@link MasterReads}): the same chunks for about a third less CPU. Being its own descriptor, it
 * stays valid however pty4j closes its one, and reads the program's last output before the end.
 * Public for the benchmark's load host, which reads its PTYs the way {@code ferry share} does.
 */
public final class PtyOutput {
    private static final long FIONREAD = 0x541B;  // Linux
    private static final LibC LIBC = load();

    private interface LibC extends Library {
        int ioctl(int fd, NativeLong request, IntByReference arg);

        NativeLong read(int fd, Pointer buf, NativeLong count);

        int dup(int fd);
    }

    private final InputStream in;
    private final Pty pty;   // null: plain pty4j reads
    private final IntByReference available = new IntByReference();
    private final MasterReads master;   // null: through pty4j and JNA
    private Memory scratch;

    public PtyOutput(PtyProcess process) {
        this(process, true);
    }

    /** {@code direct}: read through {@link MasterReads} where it can (false: the JNA path, for tests and the benchmark's comparison). */
    public PtyOutput(PtyProcess process, boolean direct) {
        this.in = process.getInputStream();
        this.pty = LIBC != null && process instanceof UnixPtyProcess u ? u.getPty() : null;
        int copy = direct && pty != null && MasterReads.usable() ? LIBC.dup(pty.getMasterFD()) : -1;
        this.master = copy >= 0 ? new MasterReads(copy) : null;
    }

    /** Whether reads go through {@link MasterReads}. */
    public boolean direct() {
        return master != null;
    }

    private static LibC load() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) return null;
        try {
            return Native.load("c", LibC.class);
        } catch (Throwable e) {   // UnsatisfiedLinkError and friends: fall back to pty4j's reads
            return null;
        }
    }

    /** Blocks until there is output, then returns as much as is already there (at most {@code buf.length}); -1 at the end. */
    public int read(byte[] buf) throws IOException {
        if (master != null) return master.read(buf);
        int n = in.read(buf);
        if (n <= 0 || pty == null) return n;
        while (n < buf.length && !pty.isClosed()) {
            int fd = pty.getMasterFD();
            if (LIBC.ioctl(fd, new NativeLong(FIONREAD), available) != 0) break;
            int want = Math.min(available.getValue(), buf.length - n);
            if (want <= 0) break;
            if (scratch == null || scratch.size() < want) scratch = new Memory(Math.max(want, 64 * 1024));
            int m = LIBC.read(fd, scratch, new NativeLong(want)).intValue();
            if (m <= 0) break;   // EIO once the program has gone: the next pty4j read says so
            scratch.read(0, buf, n, m);
            n += m;
        }
        return n;
    }
}
