package dev.ferry.relay.web;

import dev.ferry.relay.auth.Accounts;
import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.auth.HostAdmission;
import dev.ferry.relay.auth.LoginSessions;
import dev.ferry.relay.auth.User;
import dev.ferry.relay.auth.UserKey;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Who a participant on {@code /ws/join/{token}} is, decided once at the upgrade. {@code ferry join
 * --api-key} proves an account with {@code Authorization: Bearer KEY} (a header no web page can set on
 * a WebSocket); a browser proves one with its login cookie, on this relay's own pages only (a foreign
 * Origin gets no identity: cross-site WebSocket hijacking). Either way the proven SSH keys are the
 * account's registered keys, the same rule restricted sessions apply to SSH joiners' keys.
 *
 * @param user            the account's name, or null (anonymous)
 * @param keyFingerprints the account's registered keys ({@code SHA256:...})
 * @param mayWrite        false for a viewer-only account: seated read-only whatever the link says
 * @param refusal         non-null: refuse the join with this line (a bad API key, too many failures)
 */
record JoinIdentity(String user, Set<String> keyFingerprints, boolean mayWrite, String refusal) {
    static final JoinIdentity ANONYMOUS = new JoinIdentity(null, Set.of(), true, null);
    private static final String BEARER = "Bearer ";
    /** Longer than any API key: refused without a lookup. */
    private static final int MAX_KEY = 200;

    static JoinIdentity of(Request rq, Accounts accounts, LoginSessions sessions, FailureLimiter failures) {
        String authorization = rq.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null) return byApiKey(authorization, Request.getRemoteAddr(rq), accounts, failures);
        if (!WebLogin.sameOrigin(rq)) return ANONYMOUS;
        return new WebLogin(accounts, sessions).user(rq).map(u -> of(u, accounts)).orElse(ANONYMOUS);
    }

    private static JoinIdentity byApiKey(String authorization, String address, Accounts accounts, FailureLimiter failures) {
        if (failures.blocked(address)) return refused(FailureLimiter.TOO_MANY);
        String key = authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()).strip() : "";
        Optional<User> user = key.isEmpty() || key.length() > MAX_KEY ? Optional.empty() : accounts.byApiKey(key);
        if (user.isEmpty()) {
            failures.failed(address);
            return refused(HostAdmission.BAD_KEY);
        }
        return of(user.get(), accounts);
    }

    private static JoinIdentity of(User u, Accounts accounts) {
        Set<String> keys = accounts.keys(u.name()).stream().map(UserKey::fingerprint).collect(Collectors.toUnmodifiableSet());
        return new JoinIdentity(u.name(), keys, u.mayWrite(), null);
    }

    private static JoinIdentity refused(String line) {
        return new JoinIdentity(null, Set.of(), false, line);
    }

    /** Never the key (there is none here) — and no surprises if a record's toString reaches a log. */
    @Override
    public String toString() {
        return "JoinIdentity[user=" + user + ", keys=" + keyFingerprints.size() + ", mayWrite=" + mayWrite + ", refusal=" + refusal + "]";
    }
}
