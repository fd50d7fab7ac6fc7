package dev.ferry.relay.tmate;

import java.util.ArrayList;
import java.util.List;

/**
 * The tmate options a host replicates before READY ({@code set-option tmate-...} as EXEC_CMD):
 * session names, API key, authorized keys, {@code tmate-set} values. Flags before the name and
 * empty values are ignored, as tmate.io does.
 */
final class HostOptions {
    private String sessionName = "", sessionNameRo = "", apiKey = "";
    private boolean authorizedKeys;
    private final List<String> authorizedKeyLines = new ArrayList<>();
    private boolean foreground;

    void hostCommand(List<String> argv) {
        List<String> rest = nameAndValue(argv);
        if (rest == null) return;
        String name = rest.get(0), value = rest.get(1);
        switch (name) {
            case "tmate-session-name" -> sessionName = value;
            case "tmate-session-name-ro" -> sessionNameRo = value;
            case "tmate-api-key" -> apiKey = value;
            case "tmate-authorized-keys" -> authorizedKeys = true;
            case "tmate-set" -> set(value);
            default -> { }
        }
    }

    /** {@code [name, value]} of a {@code set-option} with a non-empty value, flags dropped; null for anything else. */
    private static List<String> nameAndValue(List<String> argv) {
        if (argv.isEmpty() || !argv.get(0).equals("set-option")) return null;
        List<String> rest = argv.subList(1, argv.size()).stream().filter(a -> !a.startsWith("-")).toList();
        return rest.size() == 2 && !rest.get(1).isEmpty() ? rest : null;
    }

    /** The option's name when this command sets a session name or the API key, which only count before READY; else null. */
    static String namingOption(List<String> argv) {
        List<String> rest = nameAndValue(argv);
        if (rest == null) return null;
        return switch (rest.get(0)) {
            case "tmate-session-name", "tmate-session-name-ro", "tmate-api-key" -> rest.get(0);
            default -> null;
        };
    }

    private void set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 0) return;
        String key = assignment.substring(0, eq), value = assignment.substring(eq + 1);
        switch (key) {
            case "foreground" -> foreground = value.equals("true");
            case "authorized_keys" -> {
                authorizedKeys = true;
                if (authorizedKeyLines.size() < 1000) authorizedKeyLines.add(value);
            }
            default -> { }   // unknown keys are ignored, as tmate.io does
        }
    }

    boolean foreground() { return foreground; }

    boolean authorizedKeys() { return authorizedKeys; }

    List<String> authorizedKeyLines() { return List.copyOf(authorizedKeyLines); }

    boolean named() { return !sessionName.isEmpty() || !sessionNameRo.isEmpty(); }

    String sessionName() { return sessionName; }

    String sessionNameRo() { return sessionNameRo; }

    String apiKey() { return apiKey; }
}
