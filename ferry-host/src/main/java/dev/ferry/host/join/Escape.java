package dev.ferry.host.join;

import java.io.ByteArrayOutputStream;

/**
 * OpenSSH-style escapes in what the user types: {@code ~.} right after Enter (or at the very
 * start) detaches; {@code ~~} sends one tilde; a tilde followed by anything else is sent as typed.
 */
final class Escape {
    /** The bytes to send on, and whether the user asked to detach (bytes after {@code ~.} are dropped). */
    record Result(byte[] send, boolean detach) {}

    private boolean lineStart = true;
    private boolean tilde;

    Result filter(byte[] data, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 1);
        for (int i = 0; i < length; i++) {
            byte b = data[i];
            if (tilde) {
                tilde = false;
                if (b == '.') return new Result(out.toByteArray(), true);
                out.write('~');
                if (b == '~') {
                    lineStart = false;
                    continue;
                }
            } else if (lineStart && b == '~') {
                tilde = true;
                continue;
            }
            out.write(b);
            lineStart = b == '\r' || b == '\n';
        }
        return new Result(out.toByteArray(), false);
    }
}
