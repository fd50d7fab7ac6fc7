package dev.ferry.relay.auth;

import java.util.regex.Pattern;

/**
 * Names of users and of sessions follow tmate's rule for session names: letters and digits, with
 * single hyphens inside ({@code alice}, {@code demo-view}), at most 50 characters.
 */
public final class UserNames {
    public static final int MAX = 50;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*");

    private UserNames() {}

    public static boolean valid(String name) {
        return name != null && name.length() <= MAX && NAME.matcher(name).matches();
    }

    /** Throws a one-line error naming {@code what} ("user name", "session name") when invalid. */
    public static String check(String what, String name) {
        if (!valid(name)) {
            throw new IllegalArgumentException("invalid " + what + " '" + (name == null ? "" : printable(name))
                    + "': use letters, digits and single hyphens (not first or last), at most " + MAX + " characters");
        }
        return name;
    }

    private static String printable(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 60 ? t.substring(0, 60) + "..." : t;
    }
}
