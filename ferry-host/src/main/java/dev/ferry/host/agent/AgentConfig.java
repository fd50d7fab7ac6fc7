package dev.ferry.host.agent;

import dev.ferry.protocol.AgentMessage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The agent's settings: a properties file (see packaging/agent.conf), with the relay and token
 * also from flags. Unknown keys are an error, so a typo never silently leaves a default in place.
 *
 * @param command  the shell's program and arguments
 * @param user     the OS user shells run as when the agent runs as root (null: the agent's own user)
 */
public record AgentConfig(String relay, String token, Path caFile, List<String> command, String user, AgentMessage.Limits limits,
        double reconnectMaxSeconds) {

    private static final Set<String> KEYS = Set.of("relay", "token", "ca-file", "shell.command", "shell.args", "shell.user",
            "limits.shells", "limits.shells-per-user", "limits.idle-seconds", "limits.max-age-seconds", "grace-seconds",
            "reconnect.max-seconds");

    @Override public String toString() {
        return "AgentConfig[relay=" + relay + ", command=" + command + ", user=" + user + ", limits=" + limits + ", token=***]";
    }

    /** Reads the file (may be null) and lays {@code flags} (non-null values only) over it. */
    public static AgentConfig load(Path file, Map<String, String> flags) throws IOException {
        Properties p = new Properties();
        if (file != null) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IOException("cannot read the agent config " + file + ": " + e.getMessage());
            }
            for (String k : p.stringPropertyNames()) {
                if (!KEYS.contains(k)) throw new IllegalArgumentException(file + ": unknown setting '" + k + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        flags.forEach((k, v) -> {
            if (v != null) p.setProperty(k, v);
        });
        String relay = p.getProperty("relay");
        String token = p.getProperty("token");
        if (relay == null || relay.isBlank()) throw new IllegalArgumentException("no relay: pass --relay URL or set relay in the config file");
        if (token == null || token.isBlank()) throw new IllegalArgumentException("no device token: pass --token, set FERRY_DEVICE_TOKEN, or set token in the config file");
        String program = p.getProperty("shell.command", defaultShell()).strip();
        List<String> command = new java.util.ArrayList<>(List.of(program));
        String args = p.getProperty("shell.args", "").strip();
        if (!args.isEmpty()) command.addAll(Arrays.asList(args.split("\\s+")));
        String user = p.getProperty("shell.user", "").strip();
        var limits = new AgentMessage.Limits(integer(p, "limits.shells", 16), integer(p, "limits.shells-per-user", 4),
                integer(p, "limits.idle-seconds", 600), integer(p, "limits.max-age-seconds", 0), integer(p, "grace-seconds", 60));
        String ca = p.getProperty("ca-file");
        double reconnectMax = Double.parseDouble(p.getProperty("reconnect.max-seconds", "30"));
        return new AgentConfig(relay.strip(), token.strip(), ca == null ? null : Path.of(ca.strip()), List.copyOf(command),
                user.isEmpty() ? null : user, limits, reconnectMax);
    }

    private static int integer(Properties p, String key, int dflt) {
        String v = p.getProperty(key);
        if (v == null) return dflt;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v.strip() + "'");
        }
    }

    private static String defaultShell() {
        return Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/bin/sh";
    }
}
