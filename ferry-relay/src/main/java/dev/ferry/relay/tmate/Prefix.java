package dev.ferry.relay.tmate;

import java.util.List;

/**
 * tmux's prefix key for read-write joiners: the prefix and the key after it become a command run
 * on the host (PANE_KEY bypasses the host's bindings, so the relay interprets them, like
 * tmate-ssh-server's mirrored tmux does). Covers the default bindings people use to move around.
 */
final class Prefix {
    private long key = 2;   // C-b, until the host sets another
    private boolean pending;

    /** The host ran {@code set-option [-g] prefix KEY}: follow it. */
    void hostCommand(List<String> argv) {
        if (argv.size() < 3 || !argv.get(0).equals("set-option")) return;
        List<String> rest = argv.subList(1, argv.size()).stream().filter(a -> !a.startsWith("-")).toList();
        if (rest.size() == 2 && rest.get(0).equals("prefix")) {
            long k = parse(rest.get(1));
            if (k > 0) key = k;
        }
    }

    /**
     * Feeds one key. Returns null when it goes to the pane, an empty list when it was swallowed
     * (the prefix itself, an unbound key), or the argv of a command for the host.
     */
    List<String> key(long k) {
        if (!pending) {
            if (k != key) return null;
            pending = true;
            return List.of();
        }
        pending = false;
        if (k == key) return null;     // prefix twice: send the prefix key itself
        if (k >= '0' && k <= '9') return List.of("select-window", "-t", ":" + (char) k);
        if (k == Keys.UP) return List.of("select-pane", "-U");
        if (k == Keys.DOWN) return List.of("select-pane", "-D");
        if (k == Keys.LEFT) return List.of("select-pane", "-L");
        if (k == Keys.RIGHT) return List.of("select-pane", "-R");
        return switch ((int) k) {
            case 'c' -> List.of("new-window");
            case '%' -> List.of("split-window", "-h");
            case '"' -> List.of("split-window", "-v");
            case 'n' -> List.of("next-window");
            case 'p' -> List.of("previous-window");
            case 'l' -> List.of("last-window");
            case 'o' -> List.of("select-pane", "-t", ":.+");
            case ';' -> List.of("last-pane");
            case 'z' -> List.of("resize-pane", "-Z");
            case '[' -> List.of("copy-mode");
            default -> List.of();
        };
    }

    /** {@code C-a} style key names; 0 when not one we understand. */
    static long parse(String name) {
        if (name.length() == 3 && (name.startsWith("C-") || name.startsWith("^")) ) {
            char c = Character.toLowerCase(name.charAt(2));
            if (c >= 'a' && c <= 'z') return c & 0x1f;
        }
        if (name.length() == 2 && name.startsWith("^")) {
            char c = Character.toLowerCase(name.charAt(1));
            if (c >= 'a' && c <= 'z') return c & 0x1f;
        }
        return 0;
    }
}
