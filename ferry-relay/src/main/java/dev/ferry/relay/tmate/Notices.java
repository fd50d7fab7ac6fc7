package dev.ferry.relay.tmate;

import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.auth.HostAdmission;
import dev.ferry.relay.auth.UserNames;
import java.util.List;

/**
 * The NOTIFY lines a tmate host is shown, in tmate.io's words where tmate.io has words for it
 * (its websocket service's texts), with the pointers to tmate.io's site and support replaced by
 * this relay's own way to get an API key.
 */
final class Notices {
    private Notices() {}

    static final String KEY_HINT = "Ask this relay's admin for one (ferry apikey create --user NAME)";

    static String joined(String address, int clients) {
        return "A mate has joined (" + address + ") -- " + clients(clients);
    }

    static String left(String address, int clients) {
        return "A mate has left (" + address + ") -- " + clients(clients);
    }

    /** tmate.io's count: "1 client", "2 clients" (and, as there, "0 client"). */
    private static String clients(int n) {
        return n + " client" + (n > 1 ? "s" : "") + " currently connected";
    }

    /**
     * A session name tmate.io would refuse, in its words; null when the names are acceptable. Checked
     * before the API key, in tmate.io's order.
     */
    static String badNames(String name, String nameRo) {
        for (String n : new String[] {name, nameRo}) {
            if (n.isEmpty()) continue;
            if (n.length() > UserNames.MAX) return "The session name length too long (max " + UserNames.MAX + " chars)";
            if (!UserNames.valid(n)) {
                return "The session name may only contain alphanumeric characters or single hyphens"
                        + ", and cannot begin or end with a hyphen";
            }
        }
        if (!name.isEmpty() && name.equals(nameRo)) {
            return "The same session name for write and read-only access were provided. Try again with different names";
        }
        return null;
    }

    /** The lines for a host refused by the relay's admission (API key, names, role), tmate.io's words where they exist. */
    static List<String> refused(String reason) {
        return switch (reason) {
            case HostAdmission.BAD_KEY -> List.of("The provided api key is invalid. Please fix. " + KEY_HINT);
            case HostAdmission.NAMES_NEED_KEY -> List.of("To name sessions, specify your api key with -k. " + KEY_HINT);
            case HostAdmission.KEY_REQUIRED -> List.of("This relay requires an api key to host sessions: specify it with -k,"
                    + " or with set -g tmate-api-key KEY in ~/.tmate.conf. " + KEY_HINT);
            case FailureLimiter.TOO_MANY -> List.of("Too many failed attempts from your address, try again later");
            default -> List.of(reason);
        };
    }

    /** A named-session option changed after READY: tmate.io's answer. */
    static String lateOption(String option) {
        return option + " can only be set via the command line, or configuration file";
    }

    static final String RECONNECTED = "Reconnected";
}
