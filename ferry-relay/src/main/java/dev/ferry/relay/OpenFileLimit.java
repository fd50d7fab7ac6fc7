package dev.ferry.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's open-file limit, for the start banner. Every host link, joiner and browser holds a
 * descriptor, so the limit caps how many the relay can serve at once; past it, connections are
 * refused with nothing but "Too many open files" in the log. The JVM already raises the soft limit
 * to the hard one, so the hard limit is what an operator has to raise.
 */
final class OpenFileLimit {
    /** Below this the banner says how many connections the relay can hold. */
    static final long LOW = 8192;

    private OpenFileLimit() {}

    /** The soft limit from /proc/self/limits; empty where there is none (not Linux) or it is unlimited. */
    static OptionalLong current() {
        try {
            return parse(Files.readString(Path.of("/proc/self/limits")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The soft limit in the "Max open files" row of a /proc/PID/limits text. */
    static OptionalLong parse(String limits) {
        for (String line : limits.split("\n")) {
            if (!line.startsWith("Max open files")) continue;
            String[] cols = line.substring("Max open files".length()).trim().split("\\s+");
            return cols.length > 0 && cols[0].matches("\\d+") ? OptionalLong.of(Long.parseLong(cols[0])) : OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** A banner line when the limit is low, else null. */
    static String bannerLine(OptionalLong limit) {
        if (limit.isEmpty() || limit.getAsLong() >= LOW) return null;
        return "open-file limit: " + limit.getAsLong() + ", so at most about that many hosts, joiners and browsers at once"
                + " (raise it: `ulimit -n` or LimitNOFILE= in the service unit)";
    }
}
