package dev.ferry.host.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A GitHub user's public SSH keys, from {@code BASE/NAME.keys} (BASE is https://github.com unless
 * {@code FERRY_GITHUB_KEYS_URL} says otherwise). Short time-outs, a size bound, one-line errors.
 */
public final class GithubKeys {
    public static final String DEFAULT_BASE = "https://github.com";
    private static final int MAX_BYTES = 64 * 1024;
    // GitHub's user-name rule: alphanumerics and single hyphens, at most 39 characters.
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");

    private GithubKeys() {}

    public static String fetch(String base, String user) throws IOException {
        if (!USER.matcher(user).matches()) throw new IOException("invalid GitHub user name '" + user + "'");
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        URI uri = URI.create(b + "/" + user + ".keys");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() == 404) throw new IOException("no GitHub user " + user);
                if (r.statusCode() != 200) throw new IOException("fetching " + uri + ": HTTP " + r.statusCode());
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) throw new IOException("the keys of GitHub user " + user + " exceed " + MAX_BYTES + " bytes");
                String text = new String(body, StandardCharsets.UTF_8);
                if (text.isBlank()) throw new IOException("GitHub user " + user + " has no public SSH key");
                return text;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IOException("fetching " + uri + " timed out");
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach " + b + " to fetch the keys of " + user);
        }
    }
}
