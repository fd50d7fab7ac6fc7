package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web login on a real relay: the cookie's attributes, CSRF and brute-force refusals, logout, and in
 * headless Chromium a key-restricted session joined by a logged-in owner of a listed key (and
 * refused to anyone else).
 */
class WebLoginTest {
    static final String BOB_PW = "bob-Pw-4711", CAROL_PW = "carol-Pw-0815";

    @TempDir static Path tmp;
    static RelayProcess relay;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void setUp() throws Exception {
        relay = RelayProcess.start(tmp.resolve("relay"));
        String data = relay.dataDir().toString();
        SshKeys key = SshKeys.generate(tmp.resolve("keys"), "ed25519");
        assertThat(FerryRun.run(tmp, Map.of(), BOB_PW + "\n", "user", "add", "bob", "--role", "operator", "--password", "--data", data).status()).isZero();
        assertThat(FerryRun.run(tmp, Map.of(), CAROL_PW + "\n", "user", "add", "carol", "--role", "viewer", "--password", "--data", data).status()).isZero();
        assertThat(FerryRun.run(tmp, "user", "key", "add", "bob", key.publicKey(), "--data", data).status()).isZero();
    }

    @AfterAll
    static void tearDown() {
        if (relay != null) relay.close();
    }

    static HttpResponse<String> post(String path, String form, String origin, String cookie) throws Exception {
        return post(relay, path, form, origin, cookie);
    }

    static HttpResponse<String> post(RelayProcess relay, String path, String form, String origin, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(relay.webBase() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) b.header("Origin", origin);
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        return get(relay, path, cookie);
    }

    static HttpResponse<String> get(RelayProcess relay, String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(relay.webBase() + path)).GET();
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void loginSetsAStrictHttpOnlyCookieAndLogoutEndsIt() throws Exception {
        HttpResponse<String> r = post("/login", "name=bob&password=" + BOB_PW + "&next=/t/abc", relay.webBase(), null);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/t/abc");
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("ferry_session=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .doesNotContain("Secure");   // plain HTTP here; the TLS test checks Secure
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(get("/api/me", cookie).body()).isEqualTo("{\"user\":\"bob\"}");

        // A foreign page cannot log out (or log in) through the browser: Origin is checked.
        assertThat(post("/logout", "", "http://evil.example", cookie).statusCode()).isEqualTo(403);
        assertThat(get("/api/me", cookie).statusCode()).isEqualTo(200);
        assertThat(post("/logout", "", relay.webBase(), cookie).statusCode()).isEqualTo(303);
        assertThat(get("/api/me", cookie).statusCode()).isEqualTo(401);

        // An open redirect is not possible through next=.
        HttpResponse<String> other = post("/login", "name=bob&password=" + BOB_PW + "&next=//evil.example/", relay.webBase(), null);
        assertThat(other.headers().firstValue("Location")).contains("/");
        assertThat(post("/login", "name=bob&password=" + BOB_PW, "http://evil.example", null).statusCode()).isEqualTo(403);
    }

    @Test
    void wrongPasswordsAreRefusedThenRateLimited() throws Exception {
        // Its own relay: the limit is per address, and every test comes from 127.0.0.1.
        try (RelayProcess limited = RelayProcess.start(tmp.resolve("limited"))) {
            assertThat(FerryRun.run(tmp, Map.of(), CAROL_PW + "\n", "user", "add", "carol", "--role", "viewer", "--password",
                    "--data", limited.dataDir().toString()).status()).isZero();
            assertThat(post(limited, "/login", "name=carol&password=" + CAROL_PW, limited.webBase(), null).statusCode()).isEqualTo(303);
            int refusedFast = 0;
            for (int i = 0; i < 14; i++) {
                HttpResponse<String> r = post(limited, "/login", "name=carol&password=wrong" + i, limited.webBase(), null);
                assertThat(r.statusCode()).isIn(401, 429);
                assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
                if (r.statusCode() == 429) refusedFast++;
            }
            assertThat(refusedFast).isGreaterThan(0);
            // Blocked even with the right password while the bucket is empty.
            assertThat(post(limited, "/login", "name=carol&password=" + CAROL_PW, limited.webBase(), null).statusCode()).isEqualTo(429);
            assertThat(limited.stderr()).doesNotContain("wrong1").doesNotContain(CAROL_PW);
        }
    }

    @Test
    void aKeyRestrictedSessionAdmitsOnlyALoggedInOwnerOfAListedKeyInTheBrowser() throws Exception {
        try (ShareProcess share = ShareProcess.start(tmp.resolve("share"), relay, List.of("--allow-user", "bob"),
                "env", "PS1=$ ", "bash", "--norc", "--noprofile", "-i")) {
            String web = share.links().get("web session");
            String path = web.substring(relay.webBase().length());
            String scenario = """
                    {"timeoutMs": 20000, "steps": [
                      {"page": "anon", "open": "%1$s"},
                      {"page": "anon", "waitReason": "restricted to listed SSH keys"},
                      {"page": "bob", "open": "%1$s"},
                      {"page": "bob", "waitReason": "restricted to listed SSH keys"},
                      {"page": "bob", "click": "#login-link"},
                      {"page": "bob", "fill": "#name", "value": "bob"},
                      {"page": "bob", "fill": "#password", "value": "wrong"},
                      {"page": "bob", "click": "#submit"},
                      {"page": "bob", "waitPageText": "Wrong name or password"},
                      {"page": "bob", "fill": "#name", "value": "bob"},
                      {"page": "bob", "fill": "#password", "value": "%4$s"},
                      {"page": "bob", "click": "#submit"},
                      {"page": "bob", "waitLine": "$"},
                      {"page": "bob", "type": "echo web-$((6*7))"},
                      {"page": "bob", "press": "Enter"},
                      {"page": "bob", "waitText": "web-42"},
                      {"page": "carol", "open": "%2$s/login?next=%3$s"},
                      {"page": "carol", "fill": "#name", "value": "carol"},
                      {"page": "carol", "fill": "#password", "value": "%5$s"},
                      {"page": "carol", "click": "#submit"},
                      {"page": "carol", "waitReason": "restricted to listed SSH keys"}
                    ]}""".formatted(web, relay.webBase(), path, BOB_PW, CAROL_PW);
            String report = chromium(scenario);
            assertThat(report).contains("\"ok\":true");
        }
    }

    @Test
    void loginsLiveInTheDatabaseSharedByRelaysAndKeptAcrossARestart() throws Exception {
        try (RelayProcess first = RelayProcess.start(tmp.resolve("first"))) {
            assertThat(FerryRun.run(tmp, Map.of(), "dave-Pw-1234\n", "user", "add", "dave", "--role", "viewer", "--password",
                    "--data", first.dataDir().toString()).status()).isZero();
            HttpResponse<String> r = post(first, "/login", "name=dave&password=dave-Pw-1234", first.webBase(), null);
            String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            String value = cookie.substring(cookie.indexOf('=') + 1);
            // Only the cookie's hash is in the database.
            try (var c = java.sql.DriverManager.getConnection(first.jdbcUrl());
                 var rs = c.createStatement().executeQuery("SELECT token_hash, user_name FROM web_sessions")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("dave");
                assertThat(rs.getString(1)).hasSize(64).isNotEqualTo(value)
                        .isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(value.getBytes(StandardCharsets.UTF_8))));
            }
            // A second relay on the same database knows the login.
            try (RelayProcess twin = RelayProcess.start(tmp.resolve("twin"), "--database-url", first.jdbcUrl())) {
                assertThat(get(twin, "/api/me", cookie).body()).isEqualTo("{\"user\":\"dave\"}");
            }
            // A restart logs nobody out...
            assertThat(first.stop()).as("a clean exit").isNotEqualTo(-1);
            try (RelayProcess again = RelayProcess.start(tmp.resolve("first"))) {
                assertThat(get(again, "/api/me", cookie).body()).isEqualTo("{\"user\":\"dave\"}");
                // ...and logging out still ends it.
                assertThat(post(again, "/logout", "", again.webBase(), cookie).statusCode()).isEqualTo(303);
                assertThat(get(again, "/api/me", cookie).statusCode()).isEqualTo(401);
            }
        }
    }

    @Test
    void aLoggedInViewerOnlyWatchesEvenThroughAReadWriteLink() throws Exception {
        try (ShareProcess share = ShareProcess.start(tmp.resolve("share"), relay, List.of(), "sh", "-c", "sleep 60")) {
            String token = share.readWriteToken();
            HttpResponse<String> r = post("/login", "name=carol&password=" + CAROL_PW, relay.webBase(), null);
            String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            assertThat(firstFrame(token, cookie)[1]).as("session-info read_only flag for the viewer carol").isEqualTo((byte) 1);
            assertThat(firstFrame(token, null)[1]).as("session-info read_only flag without a login").isEqualTo((byte) 0);
        }
    }

    /** The first frame the relay sends a participant joining with this token (and login cookie). */
    static byte[] firstFrame(String token, String cookie) throws Exception {
        var frame = new java.util.concurrent.CompletableFuture<byte[]>();
        var b = HttpClient.newHttpClient().newWebSocketBuilder();
        if (cookie != null) b.header("Cookie", cookie);
        var ws = b.buildAsync(relay.ws("/ws/join/" + token), new java.net.http.WebSocket.Listener() {
            final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            @Override
            public java.util.concurrent.CompletionStage<?> onBinary(java.net.http.WebSocket w, java.nio.ByteBuffer data, boolean last) {
                byte[] a = new byte[data.remaining()];
                data.get(a);
                buf.writeBytes(a);
                if (last) frame.complete(buf.toByteArray());
                w.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        try {
            return frame.get(10, TimeUnit.SECONDS);
        } finally {
            ws.abort();
        }
    }

    /** Runs the playwright-core driver (ftests/browser/drive.mjs) on Debian's Chromium; returns its JSON report. */
    static String chromium(String scenario) throws Exception {
        Path dir = Ferry.root().resolve("ftests/browser");
        if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile()).inheritIO().start();
            assertThat(npm.waitFor(300, TimeUnit.SECONDS) && npm.exitValue() == 0).as("npm ci in ftests/browser").isTrue();
        }
        Path file = Files.createTempFile(tmp, "scenario", ".json");
        Files.writeString(file, scenario);
        Process p = new ProcessBuilder("node", "drive.mjs", file.toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(200, TimeUnit.SECONDS);
            return out;
        } finally {
            p.destroyForcibly();
        }
    }
}
