package dev.ferry.relay.auth;

import dev.ferry.relay.hub.SessionAccess;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a host may share and how its session may be reached: checks the API key (and
 * whether one is required at all), the owner's role, session names, and turns authorized_keys text
 * and account names into the set of admitted key fingerprints. Transport-neutral: the Ferry host
 * link uses it, a tmate host link can too.
 */
public final class HostAdmission {
    public static final String BAD_KEY = "The provided API key is invalid or revoked";
    public static final String KEY_REQUIRED = "This relay requires an API key to share: pass --api-key KEY or set FERRY_API_KEY";
    public static final String NAMES_NEED_KEY = "To name sessions, give an API key (--api-key KEY or FERRY_API_KEY)";

    /** What the host asked for; empty strings and lists mean "not given". Holds a secret: never log it. */
    public record Request(String apiKey, String name, String nameRo, List<String> allowUsers, String authorizedKeys) {
        public static final Request NONE = new Request("", "", "", List.of(), "");

        @Override public String toString() {
            return "Request[name=" + name + ", nameRo=" + nameRo + ", allowUsers=" + allowUsers + "]";
        }
    }

    private final Accounts accounts;
    private final boolean requireApiKey;
    private final FailureLimiter failures;

    public HostAdmission(Accounts accounts, boolean requireApiKey, FailureLimiter failures) {
        this.accounts = accounts;
        this.requireApiKey = requireApiKey;
        this.failures = failures;
    }

    /** Open to anyone, no accounts: the relay of unit tests and loopback-only setups without a database. */
    public static HostAdmission open() {
        return new HostAdmission(Accounts.NONE, false, new FailureLimiter());
    }

    public Accounts accounts() {
        return accounts;
    }

    /** The session's access rule, or a refusal with the line to show the host. */
    public SessionAccess admit(Request r, String address) throws HostRefusedException {
        if (failures.blocked(address)) throw new HostRefusedException(FailureLimiter.TOO_MANY);
        User owner = null;
        if (!r.apiKey().isEmpty()) {
            Optional<User> u = accounts.byApiKey(r.apiKey());
            if (u.isEmpty()) {
                failures.failed(address);
                throw new HostRefusedException(BAD_KEY);
            }
            owner = u.get();
            if (!owner.mayHost()) {
                throw new HostRefusedException("User " + owner.name() + " may not host sessions (a viewer); ask an admin for the operator role");
            }
        } else if (requireApiKey) {
            throw new HostRefusedException(KEY_REQUIRED);
        }
        String name = blankToNull(r.name()), nameRo = blankToNull(r.nameRo());
        if ((name != null || nameRo != null) && owner == null) throw new HostRefusedException(NAMES_NEED_KEY);
        try {
            if (name != null) UserNames.check("session name", name);
            if (nameRo != null) UserNames.check("session name", nameRo);
        } catch (IllegalArgumentException e) {
            throw new HostRefusedException(e.getMessage());
        }
        if (name != null && name.equals(nameRo)) {
            throw new HostRefusedException("The same session name was given for read-write and read-only access");
        }
        return new SessionAccess(owner == null ? null : owner.name(), name, nameRo, allowedKeys(r));
    }

    private Set<String> allowedKeys(Request r) throws HostRefusedException {
        if (r.authorizedKeys().isBlank() && r.allowUsers().isEmpty()) return null;
        Set<String> keys = new HashSet<>();
        try {
            for (PublicKeys.Parsed k : PublicKeys.parseAll(r.authorizedKeys(), "authorized keys")) keys.add(k.fingerprint());
        } catch (IllegalArgumentException e) {
            throw new HostRefusedException(e.getMessage());
        }
        for (String user : r.allowUsers()) {
            if (accounts.user(user).isEmpty()) throw new HostRefusedException("--allow-user: no user " + user + " on this relay");
            List<UserKey> own = accounts.keys(user);
            if (own.isEmpty()) throw new HostRefusedException("--allow-user: user " + user + " has no registered SSH key");
            own.forEach(k -> keys.add(k.fingerprint()));
        }
        if (keys.isEmpty()) throw new HostRefusedException("The authorized keys list no key: nobody could join");
        return keys;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
