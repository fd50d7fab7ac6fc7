package dev.ferry.relay.hub;

import java.util.Arrays;

/** What a participant's writer takes out of its {@link Seat}, in order. */
public sealed interface Delivery {

    /** Reset to a fresh terminal of this size and write {@code data}; the live stream follows. Stream seats only. */
    record Snapshot(int cols, int rows, byte[] data) implements Delivery {
        @Override public String toString() { return "Snapshot[" + cols + "x" + rows + ", " + data.length + " bytes]"; }
    }

    /** Live output bytes (shared between seats: never modify). Stream seats only. */
    record Output(byte[] data, SharedEncoding encoding) implements Delivery {
        public Output(byte[] data) { this(data, new SharedEncoding()); }

        @Override public boolean equals(Object o) { return o instanceof Output other && Arrays.equals(data, other.data); }
        @Override public int hashCode() { return Arrays.hashCode(data); }
        @Override public String toString() { return "Output[" + data.length + " bytes]"; }
    }

    /** The panes' layout (first, or changed). Pane seats only. */
    record Layout(dev.ferry.protocol.Message.Layout layout) implements Delivery {}

    /** Live output of one pane (shared between seats: never modify). Pane seats only. */
    record PaneOutput(int pane, byte[] data, SharedEncoding encoding) implements Delivery {
        public PaneOutput(int pane, byte[] data) { this(pane, data, new SharedEncoding()); }

        @Override public boolean equals(Object o) { return o instanceof PaneOutput p && p.pane == pane && Arrays.equals(data, p.data); }
        @Override public int hashCode() { return 31 * pane + Arrays.hashCode(data); }
        @Override public String toString() { return "PaneOutput[" + pane + ", " + data.length + " bytes]"; }
    }

    /** Reset one pane to a fresh terminal of this size and write {@code data}. Pane seats only, right after a Layout. */
    record PaneSnapshot(int pane, int cols, int rows, byte[] data) implements Delivery {
        @Override public String toString() { return "PaneSnapshot[" + pane + ", " + cols + "x" + rows + ", " + data.length + " bytes]"; }
    }

    /** The session's terminal changed size. */
    record Resize(int cols, int rows) implements Delivery {}

    /** The screen changed: pull {@link Seat#frame()} and render it. Rendered seats only; coalesced. */
    record Changed() implements Delivery {}

    /** A one-line notice (someone joined or left). */
    record Notice(String text) implements Delivery {}

    /** The session is over; the last delivery. Show {@link #line()} and disconnect. */
    record Ended(String reason) implements Delivery {
        public String line() {
            return "session ended: " + reason;
        }
    }
}
