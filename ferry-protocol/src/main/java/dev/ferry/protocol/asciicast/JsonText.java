package dev.ferry.protocol.asciicast;

/**
 * The JSON string quoting the asciicast writer uses, for other small JSON documents (the relay's
 * API and the CLI's {@code --json}): control characters escaped, lone surrogates replaced.
 */
public final class JsonText {
    private JsonText() {}

    /** {@code value} as a JSON string literal; null becomes {@code null}. */
    public static String quote(String value) {
        if (value == null) return "null";
        StringBuilder out = new StringBuilder(value.length() + 2);
        Json.quote(value, out);
        return out.toString();
    }
}
