package dev.ferry.host.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What a user types for the relay ({@code host:8080}, {@code http://host:8080/},
 * {@code https://example.com/ferry}, {@code ws://...}) turned into the URLs the clients dial.
 * Bad input is an {@link IllegalArgumentException} with a one-line message naming the relay URL.
 */
public final class RelayUrl {
    private RelayUrl() {}

    /** The relay's base URL: {@code http://} when no scheme is given, no trailing slash. */
    public static String base(String relay) {
        String r = relay.strip();
        return (r.contains("://") ? r : "http://" + r).replaceAll("/+$", "");
    }

    /**
     * Whether two relay URLs name the same origin: scheme (ws counts as http, wss as https), host
     * (case aside) and port (the scheme's default when none is given). A URL that does not parse is
     * nobody's origin. Decides where a credential from the environment may go.
     */
    public static boolean sameOrigin(String a, String b) {
        String oa = origin(a), ob = origin(b);
        return oa != null && oa.equals(ob);
    }

    private static String origin(String relay) {
        try {
            URI u = new URI(ws(relay, "").toString());
            int port = u.getPort() >= 0 ? u.getPort() : u.getScheme().equals("wss") ? 443 : 80;
            return u.getScheme() + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The WebSocket endpoint {@code path} under the relay's base: http becomes ws, https becomes wss.
     * {@code path} starts with a slash and is raw (already escaped; it may carry a query).
     */
    public static URI ws(String relay, String path) {
        String base = base(relay);
        URI u;
        try {
            u = new URI(base);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("relay URL does not parse: " + relay.strip());
        }
        String scheme = switch (u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT)) {
            case "http", "ws" -> "ws";
            case "https", "wss" -> "wss";
            default -> throw new IllegalArgumentException("relay URL must be http(s):// or ws(s)://, got " + relay.strip());
        };
        if (u.getHost() == null) throw new IllegalArgumentException("relay URL has no host: " + relay.strip());
        String prefix = u.getRawPath() == null ? "" : u.getRawPath();
        try {
            return new URI(scheme + "://" + u.getRawAuthority() + prefix + path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("relay URL does not parse: " + relay.strip());
        }
    }
}
