package dev.ferry.relay.auth;

import java.util.Locale;

/**
 * What an account may do. {@code admin}: everything; {@code operator}: host sessions, join
 * read-write, open device shells; {@code viewer}: join read-only and replay.
 */
public enum AccountRole {
    ADMIN, OPERATOR, VIEWER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mayHost() {
        return this != VIEWER;
    }

    public boolean mayWrite() {
        return this != VIEWER;
    }

    /** Parses "admin", "operator" or "viewer"; anything else is a one-line error. */
    public static AccountRole parse(String s) {
        for (AccountRole r : values()) {
            if (r.label().equals(s.strip().toLowerCase(Locale.ROOT))) return r;
        }
        throw new IllegalArgumentException("unknown role '" + s + "' (admin, operator or viewer)");
    }
}
