package dev.ferry.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of a session with panes (types 12-15): the layout, each pane's output and snapshot,
 * and a participant's pane selection. Kept apart from {@link Frames} because the layout is the
 * protocol's only nested structure; the byte layout is in {@code docs/protocol.md}.
 */
final class PaneFrames {
    // The encoders leave the buffer's position at its end, like Frames' own: Frames.encode flips it.
    /** Bounds on a layout: more means a malformed or hostile frame. */
    static final int MAX_WINDOWS = 1000, MAX_PANES = 1000;

    private PaneFrames() {}

    static ByteBuffer layout(Message.Layout l) {
        int panes = 0;
        for (Message.Layout.Window w : l.windows()) panes += w.panes().size();
        if (l.windows().size() > MAX_WINDOWS || panes > MAX_PANES) {
            throw new IllegalArgumentException("layout too large: " + l.windows().size() + " windows, " + panes + " panes");
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 32 * panes);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(Frames.LAYOUT);
            out.writeShort(l.cols());
            out.writeShort(l.rows());
            out.writeInt(l.activeWindow());
            string(out, l.statusLeft());
            string(out, l.statusRight());
            out.writeShort(l.windows().size());
            for (Message.Layout.Window w : l.windows()) {
                out.writeInt(w.index());
                string(out, w.name());
                out.writeInt(w.activePane());
                out.writeShort(w.panes().size());
                for (Message.Layout.Pane p : w.panes()) {
                    out.writeInt(p.id());
                    out.writeShort(p.x());
                    out.writeShort(p.y());
                    out.writeShort(p.cols());
                    out.writeShort(p.rows());
                }
            }
            if (bytes.size() > Frames.MAX_FRAME) throw new IllegalArgumentException("layout too large: " + bytes.size() + " bytes");
            byte[] frame = bytes.toByteArray();
            return ByteBuffer.wrap(frame).position(frame.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a ByteArrayOutputStream does not fail
        }
    }

    static ByteBuffer output(Message.PaneOutput o) {
        if (o.data().length > Frames.MAX_FRAME - 5) throw new IllegalArgumentException("payload too large: " + o.data().length + " bytes");
        return ByteBuffer.allocate(5 + o.data().length).put(Frames.PANE_OUTPUT).putInt(o.pane()).put(o.data());
    }

    static ByteBuffer snapshot(Message.PaneSnapshot s) {
        if (s.data().length > Frames.MAX_FRAME - 9) throw new IllegalArgumentException("snapshot too large: " + s.data().length + " bytes");
        return ByteBuffer.allocate(9 + s.data().length).put(Frames.PANE_SNAPSHOT).putInt(s.pane())
                .putShort((short) s.cols()).putShort((short) s.rows()).put(s.data());
    }

    static ByteBuffer select(Message.SelectPane s) {
        return ByteBuffer.allocate(5).put(Frames.SELECT_PANE).putInt(s.pane());
    }

    static Message.Layout decodeLayout(ByteBuffer b) throws ProtocolException {
        int cols = Frames.u16(b), rows = Frames.u16(b);
        size(cols, rows);
        int active = id(b, "window index");
        String left = Frames.string(b), right = Frames.string(b);
        int windowCount = Frames.u16(b);
        if (windowCount > MAX_WINDOWS) throw new ProtocolException("layout names " + windowCount + " windows, more than " + MAX_WINDOWS);
        List<Message.Layout.Window> windows = new ArrayList<>(windowCount);
        int total = 0;
        for (int i = 0; i < windowCount; i++) {
            int index = id(b, "window index");
            String name = Frames.string(b);
            int activePane = id(b, "pane id");
            int paneCount = Frames.u16(b);
            total += paneCount;
            if (total > MAX_PANES) throw new ProtocolException("layout names more than " + MAX_PANES + " panes");
            List<Message.Layout.Pane> panes = new ArrayList<>(paneCount);
            for (int j = 0; j < paneCount; j++) {
                int id = id(b, "pane id");
                int x = Frames.u16(b), y = Frames.u16(b);
                if (x > Frames.MAX_SIZE || y > Frames.MAX_SIZE) throw new ProtocolException("pane position " + x + "," + y + " is outside 0.." + Frames.MAX_SIZE);
                int c = Frames.u16(b), r = Frames.u16(b);
                size(c, r);
                panes.add(new Message.Layout.Pane(id, x, y, c, r));
            }
            windows.add(new Message.Layout.Window(index, name, activePane, panes));
        }
        return new Message.Layout(cols, rows, active, left, right, windows);
    }

    static Message.PaneOutput decodeOutput(ByteBuffer b) throws ProtocolException {
        return new Message.PaneOutput(id(b, "pane id"), Frames.rest(b));
    }

    static Message.PaneSnapshot decodeSnapshot(ByteBuffer b) throws ProtocolException {
        int pane = id(b, "pane id");
        int cols = Frames.u16(b), rows = Frames.u16(b);
        size(cols, rows);
        return new Message.PaneSnapshot(pane, cols, rows, Frames.rest(b));
    }

    static Message.SelectPane decodeSelect(ByteBuffer b) throws ProtocolException {
        return new Message.SelectPane(id(b, "pane id"));
    }

    /** A u32 that must fit a Java int: tmux's pane ids and window indexes are non-negative ints. */
    private static int id(ByteBuffer b, String what) throws ProtocolException {
        long v = b.getInt() & 0xffffffffL;
        if (v > Integer.MAX_VALUE) throw new ProtocolException(what + " " + v + " is out of range");
        return (int) v;
    }

    private static void size(int cols, int rows) throws ProtocolException {
        if (cols < 1 || rows < 1 || cols > Frames.MAX_SIZE || rows > Frames.MAX_SIZE) {
            throw new ProtocolException("terminal size " + cols + "x" + rows + " is outside 1.." + Frames.MAX_SIZE);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = Frames.utf8(s);
        out.writeShort(b.length);
        out.write(b);
    }
}
