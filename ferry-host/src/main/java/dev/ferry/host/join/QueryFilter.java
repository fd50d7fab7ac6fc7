package dev.ferry.host.join;

import java.io.ByteArrayOutputStream;

/**
 * Takes the terminal queries (device status and cursor position {@code CSI n}, device attributes
 * {@code CSI c}, mode reports {@code CSI $ p}) out of the host's output before it reaches the
 * joiner's terminal. The host already answers them (its own terminal, or Ferry's engine when
 * headless); a joiner's terminal answering too would hand the program a second answer, which
 * arrives as typed junk. Everything else passes untouched, also when split across calls.
 */
final class QueryFilter {
    private static final int MAX_HELD = 64;   // longer "sequences" are not queries: let them through

    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private State state = State.TEXT;

    private enum State { TEXT, ESC, CSI }

    /** The bytes to write for this chunk of output. */
    byte[] apply(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + held.size());
        for (byte b : data) {
            switch (state) {
                case TEXT -> {
                    if (b == 0x1b) hold(b, State.ESC);
                    else out.write(b);
                }
                case ESC -> {
                    if (b == '[') {
                        hold(b, State.CSI);
                    } else {
                        release(out);
                        if (b == 0x1b) hold(b, State.ESC);
                        else out.write(b);
                    }
                }
                case CSI -> {
                    held.write(b);
                    if (b >= 0x40 && b <= 0x7e) {          // the final byte
                        if (isQuery(held.toByteArray())) drop();
                        else release(out);
                    } else if (b < 0x20 || held.size() > MAX_HELD) {
                        release(out);                     // not a plain CSI sequence
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private void hold(byte b, State next) {
        held.write(b);
        state = next;
    }

    private void release(ByteArrayOutputStream out) {
        out.writeBytes(held.toByteArray());
        drop();
    }

    private void drop() {
        held.reset();
        state = State.TEXT;
    }

    /** {@code ESC [ [?>]? digits/semicolons [$]? final} with final n, c, or p after $. */
    static boolean isQuery(byte[] seq) {
        int i = 2, end = seq.length - 1;
        byte fin = seq[end];
        if (i < end && (seq[i] == '?' || seq[i] == '>')) i++;
        while (i < end && (seq[i] >= '0' && seq[i] <= '9' || seq[i] == ';')) i++;
        if (i == end) return fin == 'n' || fin == 'c';
        return i == end - 1 && seq[i] == '$' && fin == 'p';
    }
}
