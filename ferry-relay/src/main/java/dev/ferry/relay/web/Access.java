package dev.ferry.relay.web;

import dev.ferry.relay.auth.AccountRole;
import dev.ferry.relay.auth.User;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpStatus;

/**
 * Who may read recordings and the audit log over HTTP: the one place that decides. Viewers and up
 * (every role) list and replay recordings; only admins read the audit log. The caller comes from
 * {@link Callers} (login cookie or API key). No address is exempt, loopback included: on the relay's
 * own machine the CLI ({@code ferry recordings}, {@code ferry audit}) reads the same data.
 */
final class Access {
    enum Action { LIST_RECORDINGS, READ_RECORDING, READ_AUDIT }

    /** What to answer. */
    sealed interface Decision {
        record Allowed(User user) implements Decision {}

        /** 401: nobody is logged in (pages redirect to the login form instead). */
        record LogIn(String message) implements Decision {}

        /** Any other refusal: this status and one-line message. */
        record Refused(int status, String message) implements Decision {}
    }

    static final String LOG_IN = "log in, or send an API key as 'Authorization: Bearer KEY'";

    private Access() {}

    static Decision decide(Callers.Caller caller, Action action) {
        return switch (caller) {
            case Callers.Caller.Anonymous a -> new Decision.LogIn(LOG_IN);
            case Callers.Caller.Refused r -> new Decision.Refused(r.status(), r.message());
            case Callers.Caller.Known k -> permits(k.user(), action) ? new Decision.Allowed(k.user())
                    : new Decision.Refused(HttpStatus.FORBIDDEN_403, "user " + k.user().name() + " (" + roles(k.user())
                    + ") may not " + what(action) + ": " + needs(action));
        };
    }

    static boolean permits(User user, Action action) {
        return switch (action) {
            case LIST_RECORDINGS, READ_RECORDING -> user.mayReplay();
            case READ_AUDIT -> user.isAdmin();
        };
    }

    private static String what(Action action) {
        return switch (action) {
            case LIST_RECORDINGS -> "list recordings";
            case READ_RECORDING -> "replay recordings";
            case READ_AUDIT -> "read the audit log";
        };
    }

    private static String needs(Action action) {
        return action == Action.READ_AUDIT ? "that takes the admin role" : "that takes the viewer, operator or admin role";
    }

    private static String roles(User user) {
        String r = user.roles().stream().map(AccountRole::label).sorted().collect(Collectors.joining(","));
        return r.isEmpty() ? "no role" : r;
    }
}
