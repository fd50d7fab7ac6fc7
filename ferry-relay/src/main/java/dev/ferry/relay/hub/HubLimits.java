package dev.ferry.relay.hub;

import java.time.Duration;

/**
 * @param queueBytes   a participant's backlog beyond which it is dropped and resynchronised from a snapshot
 * @param stallTimeout how long a participant may leave its seat undrained before it is disconnected
 * @param historyLines scrollback lines included in a stream participant's snapshot
 * @param compactAfter how long a session's screen goes unfed and unread before its scrollback is
 *                     kept deflated (several times smaller; reading it inflates a block at a time)
 */
public record HubLimits(int queueBytes, Duration stallTimeout, int historyLines, Duration compactAfter) {
    public static final Duration COMPACT_AFTER = Duration.ofSeconds(10);
    public static final HubLimits DEFAULT = new HubLimits(1 << 20, Duration.ofSeconds(60), 200);

    public HubLimits(int queueBytes, Duration stallTimeout, int historyLines) {
        this(queueBytes, stallTimeout, historyLines, COMPACT_AFTER);
    }
}
