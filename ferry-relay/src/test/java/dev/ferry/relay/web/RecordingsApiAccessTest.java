package dev.ferry.relay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferry.relay.RelayConfig;
import dev.ferry.relay.auth.AccountRole;
import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.auth.HostAdmission;
import dev.ferry.relay.auth.PasswordHasher;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.HubLimits;
import dev.ferry.relay.hub.SessionLog;
import dev.ferry.relay.store.Store;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may read recordings and the audit log over HTTP, on a real relay web side with real logins and
 * API keys: anonymous 401 (pages: a redirect to the login form), viewer and up replay, only admins
 * read the audit log, wrong roles 403, bad keys 401; and no address is exempt, loopback included.
 */
class RecordingsApiAccessTest {
    private static final String ID = "0b7f3c1e-1111-4222-8333-944445555666";
    private static final String CAST = "{\"version\": 2, \"width\": 80, \"height\": 24}\n[0.5, \"o\", \"hi\"]\n";

    @TempDir Path dir;
    private Store store;
    private Hub hub;
    private final WebListener web = new WebListener();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String base;
    private String viewerKey, adminKey;

    @BeforeEach
    void start() throws Exception {
        store = Store.open(dir);
        FailureLimiter failures = new FailureLimiter();
        hub = new Hub(HubLimits.DEFAULT, SessionLog.NONE, failures);
        hub.admission(new HostAdmission(store.accounts(), false, failures));
        store.users().add("vera", Set.of(AccountRole.VIEWER), PasswordHasher.hash("vera-pw-1"));
        store.users().add("otto", Set.of(AccountRole.OPERATOR), PasswordHasher.hash("otto-pw-1"));
        store.users().add("ada", Set.of(AccountRole.ADMIN), PasswordHasher.hash("ada-pw-1"));
        viewerKey = store.apiKeys().create("vera");
        adminKey = store.apiKeys().create("ada");
        store.recordings().started(ID, "recordings/r.cast", Instant.parse("2026-11-20T10:00:00Z"), 80, 24, "bash");
        Files.createDirectories(dir.resolve("recordings"));
        Files.writeString(dir.resolve("recordings/r.cast"), CAST);
        web.start(hub, new RelayConfig("0.0.0.0", 0, 0, null, dir, HubLimits.DEFAULT), store);
        base = "http://127.0.0.1:" + web.port();
    }

    @AfterEach
    void stop() {
        web.close();
        hub.close();
        store.close();
    }

    private HttpResponse<String> get(String url, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (header != null) b.header(header, value);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(base + path, null, null);
    }

    private HttpResponse<String> withCookie(String path, String cookie) throws Exception {
        return get(base + path, "Cookie", cookie);
    }

    private HttpResponse<String> withKey(String path, String key) throws Exception {
        return get(base + path, "Authorization", "Bearer " + key);
    }

    private String login(String name, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("login of " + name).isEqualTo(303);
        String c = r.headers().firstValue("Set-Cookie").orElseThrow();
        return c.substring(0, c.indexOf(';'));
    }

    private static InetAddress nonLoopback() throws Exception {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) continue;
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) return a;
            }
        }
        return null;
    }

    @Test
    void anonymousCallersGet401AndPagesSendThemToTheLoginForm() throws Exception {
        for (String path : new String[] {"/api/recordings", "/api/audit", "/api/recordings/" + ID + ".cast"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
            assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"ferry\"");
            assertThat(r.body()).isEqualTo("{\"error\":\"log in, or send an API key as 'Authorization: Bearer KEY'\"}\n");
        }
        HttpResponse<String> list = get("/recordings");
        assertThat(list.statusCode()).isEqualTo(303);
        assertThat(list.headers().firstValue("Location")).contains("/login?next=%2Frecordings");
        assertThat(get("/recordings/" + ID).headers().firstValue("Location")).contains("/login?next=%2Frecordings%2F" + ID);
        assertThat(get("/t/not-a-token").statusCode()).as("the session page needs no login").isNotIn(401, 303);
    }

    @Test
    void viewersAndOperatorsReplayButOnlyAdminsReadTheAuditLog() throws Exception {
        String vera = login("vera", "vera-pw-1"), otto = login("otto", "otto-pw-1"), ada = login("ada", "ada-pw-1");
        for (String cookie : new String[] {vera, otto, ada}) {
            HttpResponse<String> list = withCookie("/api/recordings", cookie);
            assertThat(list.statusCode()).as(cookie).isEqualTo(200);
            assertThat(list.body()).contains("\"id\":\"" + ID + "\"").contains("\"host\":null");
            HttpResponse<String> cast = withCookie("/api/recordings/" + ID + ".cast", cookie);
            assertThat(cast.statusCode()).isEqualTo(200);
            assertThat(cast.body()).isEqualTo(CAST);
            // The replay pages pass the check (they live in ferry-web, not on this module's classpath: 404 here).
            assertThat(withCookie("/recordings/" + ID, cookie).statusCode()).isEqualTo(404);
        }
        HttpResponse<String> refused = withCookie("/api/audit", vera);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"error\":\"user vera (viewer) may not read the audit log: that takes the admin role\"}\n");
        assertThat(withCookie("/api/audit", otto).statusCode()).isEqualTo(403);
        assertThat(withCookie("/api/audit", otto).body()).contains("user otto (operator) may not read the audit log");
        HttpResponse<String> audit = withCookie("/api/audit", ada);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).isEqualTo("[]\n");
        assertThat(withCookie("/api/audit?user=bad--name", ada).statusCode()).isEqualTo(400);
        assertThat(withCookie("/api/recordings?since=yesterday", vera).body()).startsWith("{\"error\":\"since must be a date");
        assertThat(withCookie("/api/recordings/00000000-0000-0000-0000-000000000000.cast", vera).statusCode()).isEqualTo(404);

        // A logout, or the account's removal, ends what the cookie may do at once.
        http.send(HttpRequest.newBuilder(URI.create(base + "/logout")).header("Cookie", vera).header("Origin", base)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(withCookie("/api/recordings", vera).statusCode()).isEqualTo(401);
        assertThat(store.users().remove("otto")).isTrue();
        assertThat(withCookie("/api/recordings", otto).statusCode()).isEqualTo(401);
    }

    @Test
    void apiKeysActForTheirOwnerAndBadOnesAreRefused() throws Exception {
        assertThat(withKey("/api/recordings", viewerKey).statusCode()).isEqualTo(200);
        assertThat(withKey("/api/recordings/" + ID + ".cast", viewerKey).body()).isEqualTo(CAST);
        assertThat(withKey("/api/audit", viewerKey).statusCode()).isEqualTo(403);
        assertThat(withKey("/api/audit", adminKey).statusCode()).isEqualTo(200);

        String wrong = adminKey.substring(0, adminKey.length() - 1) + (adminKey.endsWith("x") ? "y" : "x");
        HttpResponse<String> bad = withKey("/api/audit", wrong);
        assertThat(bad.statusCode()).as("%s for %s (admin's %s): %s", bad.statusCode(), wrong, adminKey, bad.body()).isEqualTo(401);
        assertThat(bad.body()).isEqualTo("{\"error\":\"the API key is invalid or revoked\"}\n");
        assertThat(get(base + "/api/audit", "Authorization", "Basic YWRhOmFkYS1wdy0x").body()).contains("must be 'Bearer API-KEY'");
        // A bad key on a page is refused too, not silently ignored in favour of the cookie.
        assertThat(get(base + "/recordings", "Authorization", "Bearer " + wrong).statusCode()).isEqualTo(401);

        assertThat(store.apiKeys().revoke(viewerKey.substring(3, 11))).isTrue();
        assertThat(withKey("/api/recordings", viewerKey).statusCode()).isEqualTo(401);
    }

    @Test
    void guessingApiKeysIsRateLimitedPerAddress() throws Exception {
        int tooMany = 0;
        for (int i = 0; i < 14; i++) {
            int status = withKey("/api/recordings", "fk_guessxxx_" + "a".repeat(31) + i % 10).statusCode();
            assertThat(status).isIn(401, 429);
            if (status == 429) tooMany++;
        }
        assertThat(tooMany).isGreaterThan(0);
        assertThat(withKey("/api/audit", adminKey).statusCode()).as("blocked even with a good key for now").isEqualTo(429);
    }

    @Test
    void noAddressIsExemptLoopbackIncluded() throws Exception {
        InetAddress other = nonLoopback();
        assumeTrue(other != null, "this machine has no non-loopback IPv4 address");
        String remote = "http://" + other.getHostAddress() + ":" + web.port();
        for (String b : new String[] {base, remote}) {
            assertThat(get(b + "/api/recordings", null, null).statusCode()).as(b).isEqualTo(401);
            assertThat(get(b + "/api/audit", null, null).statusCode()).as(b).isEqualTo(401);
            assertThat(get(b + "/api/audit", "Authorization", "Bearer " + adminKey).statusCode()).as(b).isEqualTo(200);
            assertThat(get(b + "/api/audit", "Authorization", "Bearer " + viewerKey).statusCode()).as(b).isEqualTo(403);
        }
    }
}
