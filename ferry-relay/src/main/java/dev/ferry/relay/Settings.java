package dev.ferry.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings from command-line flags, then {@code FERRY_*} environment variables, then a config file
 * of {@code key=value} lines ({@code #} comments), in that order of precedence. Keys are the long
 * flag names without dashes ("http-port"); the variable for "http-port" is FERRY_HTTP_PORT.
 */
public final class Settings {
    private final Map<String, String> flags;
    private final Map<String, String> env;
    private final Map<String, String> file;

    public Settings(Map<String, String> flags, Map<String, String> env, Map<String, String> file) {
        this.flags = flags;
        this.env = env;
        this.file = file;
    }

    /** The value for a key, or {@code fallback} when no layer sets it. */
    public String get(String key, String fallback) {
        String v = flags.get(key);
        if (v == null) v = env.get(envName(key));
        if (v == null) v = file.get(key);
        return v == null ? fallback : v;
    }

    public int port(String key, int fallback) {
        String v = get(key, null);
        if (v == null) return fallback;
        try {
            int p = Integer.parseInt(v.trim());
            if (p < 0 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a port number (0-65535), got '" + v + "'");
        }
    }

    /** A whole number of at least {@code min}. */
    public int number(String key, int fallback, int min) {
        String v = get(key, null);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of at least " + min + ", got '" + v + "'");
        }
    }

    public static String envName(String key) {
        return "FERRY_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The XDG data directory for Ferry: $XDG_DATA_HOME/ferry, else ~/.local/share/ferry. */
    public static Path defaultDataDir(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "ferry");
        return Path.of(System.getProperty("user.home"), ".local", "share", "ferry");
    }

    /** Reads a key=value file; a missing file is empty when {@code optional}. */
    public static Map<String, String> readFile(Path path, boolean optional) {
        Map<String, String> values = new HashMap<>();
        try {
            int n = 0;
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                int eq = t.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException(path + ":" + n + ": expected key=value");
                values.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
            }
        } catch (NoSuchFileException e) {
            if (!optional) throw new IllegalArgumentException("config file not found: " + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
