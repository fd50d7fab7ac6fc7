package dev.ferry.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tiny ordered JSON tree for the results file (no dependency for ~50 numbers). */
final class Json {
    private final Map<String, Object> fields;
    private final List<Object> items;

    private Json(Map<String, Object> fields, List<Object> items) {
        this.fields = fields;
        this.items = items;
    }

    static Json obj() {
        return new Json(new LinkedHashMap<>(), null);
    }

    static Json arr() {
        return new Json(null, new ArrayList<>());
    }

    Json put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    Json add(Object value) {
        items.add(value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        write(sb, this, "");
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, String indent) {
        switch (v) {
            case null -> sb.append("null");
            case Json j when j.fields != null -> {
                sb.append("{");
                String in = indent + "  ";
                boolean first = true;
                for (var e : j.fields.entrySet()) {
                    sb.append(first ? "\n" : ",\n").append(in);
                    quote(sb, e.getKey());
                    sb.append(": ");
                    write(sb, e.getValue(), in);
                    first = false;
                }
                sb.append(first ? "}" : "\n" + indent + "}");
            }
            case Json j -> {
                sb.append("[");
                String in = indent + "  ";
                for (int i = 0; i < j.items.size(); i++) {
                    sb.append(i == 0 ? "\n" : ",\n").append(in);
                    write(sb, j.items.get(i), in);
                }
                sb.append(j.items.isEmpty() ? "]" : "\n" + indent + "]");
            }
            case Double d -> sb.append(d.isNaN() || d.isInfinite() ? "null" : String.format(java.util.Locale.ROOT, "%.3f", d));
            case Float f -> write(sb, f.doubleValue(), indent);
            case Number n -> sb.append(n);
            case Boolean b -> sb.append(b);
            default -> quote(sb, v.toString());
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
