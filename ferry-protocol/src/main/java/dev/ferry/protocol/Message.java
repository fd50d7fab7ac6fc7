package dev.ferry.protocol;

import java.util.Arrays;
import java.util.List;

/**
 * One Ferry wire frame, decoded. Every WebSocket binary message carries exactly one frame; see
 * {@code docs/protocol.md} for the byte layout and which side sends what.
 */
public sealed interface Message {

    /** Host to relay, first frame: opens a session. */
    record Hello(int version, boolean readOnly, int cols, int rows, String command) implements Message {
        public Hello {
            Frames.checkSize(cols, rows);
        }
    }

    /**
     * Host to relay, right after a version-2 Hello: credentials and how the session may be reached.
     * Empty strings mean "not given". {@code authorizedKeys} is authorized_keys text (restricts the
     * session to those keys, as does {@code allowUsers}, a comma-separated list of account names
     * whose registered keys are admitted). Holds a secret: never log it.
     */
    record HostOptions(String apiKey, String name, String nameRo, String allowUsers, String authorizedKeys) implements Message {
        public static final HostOptions NONE = new HostOptions("", "", "", "", "");

        @Override public String toString() {
            return "HostOptions[name=" + name + ", nameRo=" + nameRo + ", allowUsers=" + allowUsers
                    + ", authorizedKeys=" + authorizedKeys.length() + " chars, apiKey=" + (apiKey.isEmpty() ? "none" : "***") + "]";
        }
    }

    /**
     * Relay to host (after Hello) and to a participant (after joining): the session's links as this
     * receiver may see them. {@code rwToken} is empty for read-only sessions and read-only joiners;
     * {@code sshPort} is 0 when the relay serves no SSH.
     */
    record SessionInfo(boolean readOnly, String rwToken, String roToken, String sshHost, int sshPort, String webBase)
            implements Message {}

    /** Terminal output: host to relay, relay to participant. */
    record Output(byte[] data) implements Message {
        @Override public boolean equals(Object o) { return o instanceof Output other && Arrays.equals(data, other.data); }
        @Override public int hashCode() { return Arrays.hashCode(data); }
        @Override public String toString() { return "Output[" + data.length + " bytes]"; }
    }

    /** Keystrokes: participant to relay, relay to host. */
    record Input(byte[] data) implements Message {
        @Override public boolean equals(Object o) { return o instanceof Input other && Arrays.equals(data, other.data); }
        @Override public int hashCode() { return Arrays.hashCode(data); }
        @Override public String toString() { return "Input[" + data.length + " bytes]"; }
    }

    /** The terminal's size: host to relay (its PTY), relay to participant (the session's), participant to relay (its window). */
    record Resize(int cols, int rows) implements Message {
        public Resize {
            Frames.checkSize(cols, rows);
        }
    }

    /** Relay to participant: reset to a fresh terminal of this size, then write {@code data}; the live stream follows. */
    record Snapshot(int cols, int rows, byte[] data) implements Message {
        public Snapshot {
            Frames.checkSize(cols, rows);
        }
        @Override public boolean equals(Object o) {
            return o instanceof Snapshot s && s.cols == cols && s.rows == rows && Arrays.equals(data, s.data);
        }
        @Override public int hashCode() { return 31 * (31 * cols + rows) + Arrays.hashCode(data); }
        @Override public String toString() { return "Snapshot[" + cols + "x" + rows + ", " + data.length + " bytes]"; }
    }

    /** A one-line human message (someone joined, left...): relay to host and participants. */
    record Notice(String text) implements Message {}

    /** The end, with a one-line reason: host to relay (its command exited), relay to everyone. */
    record Close(String reason) implements Message {}

    /** Liveness check; the receiver answers with a Pong carrying the same value. Either direction. */
    record Ping(long value) implements Message {}

    record Pong(long value) implements Message {}

    /**
     * Relay to a participant that asked for panes, when the session has them (a tmate host's): every
     * window with its panes, placed in a window area of {@code cols} x {@code rows} cells (the status
     * line not included), which window is current, and the host's status texts. Sent again whenever
     * any of it changes; the panes' output follows as {@link PaneOutput}.
     */
    record Layout(int cols, int rows, int activeWindow, String statusLeft, String statusRight, List<Window> windows)
            implements Message {
        public Layout {
            Frames.checkSize(cols, rows);
            windows = List.copyOf(windows);
        }

        public record Window(int index, String name, int activePane, List<Pane> panes) {
            public Window {
                panes = List.copyOf(panes);
            }
        }

        /** A pane at column {@code x}, row {@code y} of the window area. */
        public record Pane(int id, int x, int y, int cols, int rows) {
            public Pane {
                Frames.checkSize(cols, rows);
            }
        }
    }

    /** Relay to a panes participant: output of one pane. */
    record PaneOutput(int pane, byte[] data) implements Message {
        @Override public boolean equals(Object o) { return o instanceof PaneOutput p && p.pane == pane && Arrays.equals(data, p.data); }
        @Override public int hashCode() { return 31 * pane + Arrays.hashCode(data); }
        @Override public String toString() { return "PaneOutput[" + pane + ", " + data.length + " bytes]"; }
    }

    /** Relay to a panes participant: reset this pane's terminal to {@code cols} x {@code rows} and write {@code data}. */
    record PaneSnapshot(int pane, int cols, int rows, byte[] data) implements Message {
        public PaneSnapshot {
            Frames.checkSize(cols, rows);
        }
        @Override public boolean equals(Object o) {
            return o instanceof PaneSnapshot s && s.pane == pane && s.cols == cols && s.rows == rows && Arrays.equals(data, s.data);
        }
        @Override public int hashCode() { return 31 * (31 * (31 * pane + cols) + rows) + Arrays.hashCode(data); }
        @Override public String toString() { return "PaneSnapshot[" + pane + ", " + cols + "x" + rows + ", " + data.length + " bytes]"; }
    }

    /** Participant to relay: make this pane (and its window) the host's current one. Ignored from read-only participants. */
    record SelectPane(int pane) implements Message {}
}
