package dev.ferry.relay.hub;

import java.time.Duration;

/**
 * @param queueBytes   a participant's backlog beyond which it is dropped and resynchronised from a snapshot
 * @param stallTimeout how long a participant may leave its seat undrained before it is disconnected
 * @param historyLines scrollback lines included in a stream participant's snapshot
 */
public record HubLimits(int queueBytes, Duration stallTimeout, int historyLines) {
    public static final HubLimits DEFAULT = new HubLimits(1 << 20, Duration.ofSeconds(60), 200);
}
