package dev.ferry.relay.ssh;

/**
 * What an SSH joiner's last row says, if anything: a short-lived notice (someone joined) wins,
 * then the crop warning when the joiner's window is smaller than the session. A joiner whose
 * window holds the whole session sees no status line, so nothing of the session is hidden.
 */
final class StatusLine {
    static final long NOTICE_NANOS = 3_000_000_000L;

    private String notice;
    private long noticeUntil;

    void notice(String text, long now) {
        notice = text;
        noticeUntil = now + NOTICE_NANOS;
    }

    void clearNotice() {
        notice = null;
    }

    /** Nanoseconds until the shown notice expires (and the view must be redrawn), or -1 if none. */
    long nanosUntilChange(long now) {
        return notice == null ? -1 : Math.max(0, noticeUntil - now);
    }

    /** The status line for a client of this size watching a session of that size; null for none. */
    String text(int clientCols, int clientRows, int sessionCols, int sessionRows, long now) {
        if (notice != null && now - noticeUntil >= 0) {
            notice = null;
        }
        if (notice != null) {
            return "[ferry] " + notice;
        }
        if (clientCols < sessionCols || clientRows < sessionRows) {
            return "[ferry] view cropped: your " + clientCols + "x" + clientRows
                    + " window, session is " + sessionCols + "x" + sessionRows;
        }
        return null;
    }
}
