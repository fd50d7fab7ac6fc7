package dev.ferry.host.join;

import dev.ferry.host.net.RelayUrl;
import dev.ferry.protocol.Tokens;
import java.net.URI;

/**
 * Where {@code ferry join} connects: a web link ({@code http://host:8080/t/TOKEN}) or a token plus
 * the relay's URL. {@code relay} is what may appear in messages; the token never does.
 */
record JoinTarget(URI endpoint, String relay, boolean readOnlyToken) {

    static JoinTarget parse(String linkOrToken, String relay) {
        String s = linkOrToken.trim();
        if (s.contains("://")) {
            URI u;
            try {
                u = URI.create(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a Ferry link: it does not parse as a URL");
            }
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            int t = path.lastIndexOf("/t/");
            if (u.getHost() == null || t < 0) {
                throw new IllegalArgumentException("not a Ferry link (expected http(s)://HOST/t/TOKEN)");
            }
            String token = path.substring(t + 3).replaceAll("/+$", "");
            String base = u.getScheme() + "://" + u.getRawAuthority() + path.substring(0, t);
            return of(base, token);
        }
        if (relay == null || relay.isBlank()) {
            throw new IllegalArgumentException("a token needs the relay: --relay URL or FERRY_RELAY (or join with the web link)");
        }
        return of(RelayUrl.base(relay), s);
    }

    private static JoinTarget of(String base, String token) {
        if (!Tokens.wellFormed(token)) throw new IllegalArgumentException("Invalid or expired session token");
        URI endpoint = RelayUrl.ws(base, "/ws/join/" + token + "?client=cli&deflated=1");
        return new JoinTarget(endpoint, base, Tokens.isReadOnly(token));
    }
}
