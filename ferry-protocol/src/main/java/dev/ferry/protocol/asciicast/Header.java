package dev.ferry.protocol.asciicast;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The first line of an asciicast v2 recording.
 *
 * @param width terminal columns at the start (0 when unknown: asciinema writes that for a terminal without a size)
 * @param height terminal rows at the start (0 when unknown)
 * @param timestamp Unix seconds when recording started, or null
 * @param idleTimeLimit seconds players cap every pause to, or null for no cap
 * @param command the command that was recorded, or null
 * @param title a title, or null
 * @param env environment worth keeping, usually SHELL and TERM (never secrets); empty when unknown
 */
public record Header(int width, int height, Long timestamp, Double idleTimeLimit, String command, String title,
                     Map<String, String> env) {

    public Header {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("width and height must not be negative: " + width + "x" + height);
        }
        if (idleTimeLimit != null && !(idleTimeLimit > 0 && Double.isFinite(idleTimeLimit))) {
            throw new IllegalArgumentException("idle_time_limit must be a positive number: " + idleTimeLimit);
        }
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** A header with only the size. */
    public static Header of(int width, int height) {
        return new Header(width, height, null, null, null, null, Map.of());
    }

    public Header withTimestamp(long unixSeconds) {
        return new Header(width, height, unixSeconds, idleTimeLimit, command, title, env);
    }

    public Header withIdleTimeLimit(Double seconds) {
        return new Header(width, height, timestamp, seconds, command, title, env);
    }

    public Header withCommand(String value) {
        return new Header(width, height, timestamp, idleTimeLimit, value, title, env);
    }

    public Header withTitle(String value) {
        return new Header(width, height, timestamp, idleTimeLimit, command, value, env);
    }

    /** The env the official recorder keeps: SHELL and TERM, whichever are non-null. */
    public Header withShellAndTerm(String shell, String term) {
        Map<String, String> e = new LinkedHashMap<>();
        if (shell != null) {
            e.put("SHELL", shell);
        }
        if (term != null) {
            e.put("TERM", term);
        }
        return new Header(width, height, timestamp, idleTimeLimit, command, title, e);
    }

    String toJson() {
        StringBuilder b = new StringBuilder(128);
        b.append("{\"version\": 2, \"width\": ").append(width).append(", \"height\": ").append(height);
        if (timestamp != null) {
            b.append(", \"timestamp\": ").append(timestamp.longValue());
        }
        if (idleTimeLimit != null) {
            b.append(", \"idle_time_limit\": ").append(idleTimeLimit.doubleValue());
        }
        if (command != null) {
            b.append(", \"command\": ");
            Json.quote(command, b);
        }
        if (title != null) {
            b.append(", \"title\": ");
            Json.quote(title, b);
        }
        if (!env.isEmpty()) {
            b.append(", \"env\": {");
            String sep = "";
            for (Map.Entry<String, String> e : env.entrySet()) {
                b.append(sep);
                Json.quote(e.getKey(), b);
                b.append(": ");
                Json.quote(Objects.requireNonNullElse(e.getValue(), ""), b);
                sep = ", ";
            }
            b.append('}');
        }
        return b.append('}').toString();
    }

    /** Reads a parsed header object; throws a one-line {@link AsciicastFormatException} when it is not v2. */
    static Header fromJson(Object parsed) {
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new AsciicastFormatException("the first line is not an asciicast header object");
        }
        Object version = m.get("version");
        if (!(version instanceof Double v) || v != 2) {
            throw new AsciicastFormatException("not an asciicast v2 recording (version " + version + ")");
        }
        int width = size(m.get("width"), "width");
        int height = size(m.get("height"), "height");
        Long timestamp = m.get("timestamp") instanceof Double t ? Long.valueOf(t.longValue()) : null;
        Double idle = m.get("idle_time_limit") instanceof Double d && d > 0 && Double.isFinite(d) ? d : null;
        String command = m.get("command") instanceof String s ? s : null;
        String title = m.get("title") instanceof String s ? s : null;
        Map<String, String> env = new LinkedHashMap<>();
        if (m.get("env") instanceof Map<?, ?> em) {
            for (Map.Entry<?, ?> e : em.entrySet()) {
                if (e.getKey() instanceof String k && e.getValue() instanceof String val) {
                    env.put(k, val); // asciinema 3 tolerates nulls here; we drop them
                }
            }
        }
        return new Header(width, height, timestamp, idle, command, title, env);
    }

    private static int size(Object o, String name) {
        if (o instanceof Double d && d >= 0 && d <= 100_000 && d == Math.rint(d)) {
            return d.intValue();
        }
        throw new AsciicastFormatException("header has no valid " + name + " (" + o + ")");
    }
}
