package dev.ferry.protocol.asciicast;

import java.util.Objects;

/**
 * One event line {@code [time, code, data]}.
 *
 * @param micros microseconds since the start of the recording
 * @param type what happened
 * @param data output or input text, a marker label, or {@code "COLSxROWS"} for a resize
 */
public record Event(long micros, Type type, String data) {

    /** The event codes Ferry knows; readers skip any other code, as the format asks. */
    public enum Type {
        OUTPUT("o"), INPUT("i"), MARKER("m"), RESIZE("r");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Type ofCode(String code) {
            for (Type t : values()) {
                if (t.code.equals(code)) {
                    return t;
                }
            }
            return null;
        }
    }

    public Event {
        if (micros < 0) {
            throw new IllegalArgumentException("negative event time: " + micros);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /** Seconds since the start, as a double (exact to the microsecond for any realistic recording). */
    public double seconds() {
        return micros / 1e6;
    }

    String toJson() {
        StringBuilder b = new StringBuilder(data.length() + 24);
        b.append('[');
        appendSeconds(micros, b);
        b.append(", \"").append(type.code).append("\", ");
        Json.quote(data, b);
        return b.append(']').toString();
    }

    /** Writes {@link #toJson()} and a newline as UTF-8, without building the line as a String first. */
    void writeLine(java.io.OutputStream out) throws java.io.IOException {
        writeHead(micros, type, out);
        Json.quoteUtf8(data, out);
        out.write(']');
        out.write('\n');
    }

    /** The line of an event whose data is {@code bytes}, all ASCII: the same bytes as {@link #writeLine}. */
    static void writeAsciiLine(long micros, Type type, byte[] bytes, int offset, int length, java.io.OutputStream out)
            throws java.io.IOException {
        writeHead(micros, type, out);
        JsonAscii.quote(bytes, offset, length, out);
        out.write(']');
        out.write('\n');
    }

    private static void writeHead(long micros, Type type, java.io.OutputStream out) throws java.io.IOException {
        StringBuilder head = new StringBuilder(32).append('[');
        appendSeconds(micros, head);
        head.append(", \"").append(type.code).append("\", ");
        out.write(head.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Writes microseconds as seconds with up to six decimals, trailing zeros dropped: 1.5, 2.000125, 0.0. */
    static void appendSeconds(long micros, StringBuilder b) {
        b.append(micros / 1_000_000).append('.');
        long frac = micros % 1_000_000;
        if (frac == 0) {
            b.append('0');
            return;
        }
        String f = Long.toString(frac);
        int end = f.length();
        while (f.charAt(end - 1) == '0') {
            end--;
        }
        b.append("000000", f.length(), 6).append(f, 0, end);
    }
}
