package dev.ferry.protocol;

/**
 * One frame of the device agent's link ({@code /ws/agent}): control frames, and {@link Data} frames
 * that carry an ordinary Ferry frame for one shell, so the shells of a device share one WebSocket.
 * Layout in {@code docs/protocol.md} ("Device agents").
 */
public sealed interface AgentMessage {
    /** The limits an agent enforces, announced in its hello so the relay enforces the same ones. */
    record Limits(int maxShells, int maxShellsPerUser, int idleSeconds, int maxAgeSeconds, int graceSeconds) {
        public static final Limits DEFAULT = new Limits(16, 4, 600, 0, 60);

        public Limits {
            if (maxShells < 1 || maxShellsPerUser < 1 || idleSeconds < 0 || maxAgeSeconds < 0 || graceSeconds < 0) {
                throw new IllegalArgumentException("limits must be positive (shells) or at least 0 (seconds)");
            }
        }
    }

    /** Agent to relay, first frame: who it is (its secret token) and what it runs. Never log it. */
    record Hello(int version, String token, String agentVersion, String os, String hostname, Limits limits) implements AgentMessage {
        @Override public String toString() {
            return "Hello[version=" + version + ", agent=" + agentVersion + ", os=" + os + ", hostname=" + hostname + ", token=***]";
        }
    }

    /** Relay to agent: accepted, as this device; the agent sends a ping every {@code heartbeatSeconds}. */
    record Welcome(String device, int heartbeatSeconds) implements AgentMessage {}

    /** Relay to agent: start a shell with this id for this user, in a terminal of this size. */
    record Open(int shell, String user, int cols, int rows) implements AgentMessage {
        public Open {
            Frames.checkSize(cols, rows);
        }
    }

    /**
     * Agent to relay: the shell runs (answer to {@link Open}), or, after a reconnect, still runs; a
     * snapshot of its screen follows as output.
     */
    record Opened(int shell, int cols, int rows) implements AgentMessage {
        public Opened {
            Frames.checkSize(cols, rows);
        }
    }

    /** Either way: the shell ended (or could not start), or must end, with a one-line reason. */
    record End(int shell, String reason) implements AgentMessage {}

    /** A Ferry frame for one shell: output and resizes from the agent, input and resizes from the relay. */
    record Data(int shell, Message message) implements AgentMessage {}

    /** Either way: the peer sent something it cannot use (unknown type, unknown shell); the link stays up. */
    record Error(String text) implements AgentMessage {}

    /** Liveness, either way; the receiver answers with a {@link Pong} carrying the same value. */
    record Ping(long value) implements AgentMessage {}

    record Pong(long value) implements AgentMessage {}
}
