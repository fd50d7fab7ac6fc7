package dev.ferry.ftests;

import static dev.ferry.ftests.IdentityRelay.WAIT;
import static dev.ferry.ftests.IdentityRelay.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Accounts on a real relay: the admin CLI beside the running relay, API keys, named sessions, web
 * logins, and the limit on guessing API keys. The last test scans every log of the run (the relay's
 * output, every stderr) for the secrets used in it. Key-restricted sessions: {@link RestrictedSessionTest}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityTest {
    @RegisterExtension
    static final IdentityRelay fixture = new IdentityRelay();

    @Test
    @Order(1)
    void namedSessionsGiveStableLinksInTmatesForm() throws Exception {
        try (ShareProcess s = fixture.share(Map.of(), "--api-key", fixture.aliceKey, "--name", "demo", "--name-ro", "demo-view")) {
            int port = Integer.parseInt(s.links().get("ssh session").replaceAll("ssh -p(\\d+) .*", "$1"));
            assertThat(s.links().get("ssh session")).isEqualTo("ssh -p" + port + " alice/demo@127.0.0.1");
            assertThat(s.links().get("ssh session read only")).isEqualTo("ssh -p" + port + " alice/demo-view@127.0.0.1");
            assertThat(s.links().get("web session")).isEqualTo(fixture.relay.webBase() + "/t/alice/demo");
            assertThat(s.links().get("web session read only")).isEqualTo(fixture.relay.webBase() + "/t/alice/demo-view");

            try (Tmux rw = new Tmux(100, 30, fixture.ed25519.ssh(s.links().get("ssh session")));
                 Tmux ro = new Tmux(100, 30, fixture.ed25519.ssh(s.links().get("ssh session read only")))) {
                prompt(rw);
                prompt(ro);
                ro.type("echo ro-typed-$((6*7))");
                ro.sendKeys("Enter");
                rw.type("echo rw-typed-$((6*7))");
                rw.sendKeys("Enter");
                ro.waitForText("rw-typed-42");
                Thread.sleep(300);
                assertThat(rw.capture()).doesNotContain("ro-typed");
            }

            // The web side resolves the names too: a read-only name gives a read-only participant.
            try (WsPeer web = WsPeer.connect(fixture.relay.ws("/ws/join/alice/demo-view"))) {
                var info = web.await(dev.ferry.protocol.Message.SessionInfo.class, WAIT);
                assertThat(info.readOnly()).isTrue();
                assertThat(info.roToken()).isEqualTo("alice/demo-view");
                assertThat(info.rwToken()).isEmpty();
                web.awaitText("rw-typed-42", WAIT);
            }
            try (WsPeer nobody = WsPeer.connect(fixture.relay.ws("/ws/join/alice/nothing"))) {
                nobody.awaitClosed(WAIT);
                assertThat(nobody.closeReason()).isEqualTo("Invalid or expired session token");
            }

            // A name a live session holds is refused, with the reason.
            assertThat(fixture.refusal(Map.of(), "--api-key", fixture.aliceKey, "--name", "demo"))
                    .contains("The session name alice/demo is in use by a live session");
            assertThat(fixture.refusal(Map.of(), "--api-key", fixture.aliceKey, "--name", "other", "--name-ro", "demo-view"))
                    .contains("alice/demo-view is in use");
        }
        // Ended: the name is free again; FERRY_API_KEY works in place of the flag.
        try (ShareProcess s = fixture.share(Map.of("FERRY_API_KEY", fixture.aliceKey), "--name", "demo")) {
            assertThat(s.links().get("web session")).endsWith("/t/alice/demo");
            assertThat(s.links().get("web session read only")).matches(".*/t/ro-[a-z2-9]{26}");   // the other stays random
        }
    }

    @Test
    @Order(2)
    void badNamesAndKeysAreRefusedClearly() throws Exception {
        assertThat(fixture.refusal(Map.of(), "--api-key", fixture.aliceKey, "--name", "bad--name"))
                .contains("invalid session name 'bad--name'");
        assertThat(fixture.refusal(Map.of(), "--api-key", fixture.aliceKey, "--name", "-x")).contains("invalid session name");
        assertThat(fixture.refusal(Map.of(), "--api-key", fixture.aliceKey, "--name", "a".repeat(51))).contains("at most 50");
        assertThat(fixture.refusal(Map.of(), "--api-key", fixture.aliceKey, "--name", "same", "--name-ro", "same")).contains("same session name");
        assertThat(fixture.refusal(Map.of(), "--name", "demo")).contains("To name sessions, give an API key");
        String wrong = fixture.aliceKey.substring(0, fixture.aliceKey.length() - 2) + (fixture.aliceKey.endsWith("xx") ? "yy" : "xx");
        fixture.secrets.add(wrong);
        assertThat(fixture.refusal(Map.of(), "--api-key", wrong, "--name", "demo")).contains("The provided API key is invalid or revoked");
        assertThat(fixture.refusal(Map.of(), "--api-key", "garbage", "--name", "demo")).contains("The provided API key is invalid or revoked");
        assertThat(fixture.refusal(Map.of(), "--api-key", fixture.viewerKey)).contains("User vera may not host sessions");
    }

    @Test
    @Order(3)
    void apiKeysAreListedWithLastUseAndRevocable() throws Exception {
        String key = fixture.apiKey("alice");
        String id = key.substring(3, 11);
        assertThat(fixture.admin("apikey", "list", "--user", "alice").out()).contains(id + " alice").contains("last-used=never");
        fixture.share(Map.of(), "--api-key", key).close();
        String listed = fixture.admin("apikey", "list").out();
        assertThat(listed.lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow()).doesNotContain("last-used=never");
        assertThat(listed).doesNotContain(key);
        assertThat(fixture.admin("apikey", "revoke", id).status()).isZero();
        assertThat(fixture.admin("apikey", "list").out()).containsPattern(id + " alice .*revoked=");
        assertThat(fixture.refusal(Map.of(), "--api-key", key)).contains("The provided API key is invalid or revoked");
        assertThat(fixture.admin("apikey", "revoke", id).err()).contains("no active API key " + id);
    }

    @Test
    @Order(4)
    void aRelayThatRequiresAnApiKeyRefusesHostsWithout() throws Exception {
        try (RelayProcess strict = RelayProcess.start(fixture.tmp.resolve("strict"), "--require-api-key", "true")) {
            FerryRun add = FerryRun.run(fixture.tmp.resolve("cli"), "user", "add", "olga", "--role", "operator", "--data", strict.dataDir().toString());
            assertThat(add.status()).isZero();
            FerryRun created = FerryRun.run(fixture.tmp.resolve("cli"), "apikey", "create", "--user", "olga", "--data", strict.dataDir().toString());
            String key = created.lastLine();
            fixture.secrets.add(key);
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() ->
                    ShareProcess.start(fixture.tmp.resolve("share"), strict, List.of(), "sh", "-c", "sleep 30").close());
            assertThat(t).hasMessageContaining("This relay requires an API key to share");
            try (ShareProcess ok = ShareProcess.start(fixture.tmp.resolve("share"), strict, Map.of("FERRY_API_KEY", key), List.of(), "sh", "-c", "sleep 30")) {
                assertThat(ok.links()).containsKey("web session");
            }
            strict.stdoutWith("hosting: API key required");
        }
    }

    @Test
    @Order(5)
    void adminCommandsRefuseBadInputClearly() throws Exception {
        FerryRun dup = fixture.admin("user", "add", "alice", "--role", "admin");
        assertThat(dup.status()).isNotZero();
        assertThat(dup.err().strip()).isEqualTo("ferry: user alice already exists");
        assertThat(fixture.admin("user", "add", "x", "--role", "root").err()).contains("unknown role 'root'");
        assertThat(fixture.admin("user", "key", "add", "bob", "ssh-ed25519 notbase64").err()).contains("not an SSH public key");
        assertThat(fixture.admin("apikey", "create", "--user", "nobody").err()).contains("no user nobody");
        FerryRun noUser = fixture.admin("user", "key", "list", "nobody");
        assertThat(noUser.status()).isNotZero();
        assertThat(noUser.err().strip()).isEqualTo("ferry: no user nobody");
        FerryRun noPasswd = fixture.passwd("nobody", "never-Set-1");
        assertThat(noPasswd.status()).isNotZero();
        assertThat(noPasswd.err().strip()).isEqualTo("ferry: no user nobody");
        FerryRun listed = fixture.admin("user", "key", "list", "bob");
        assertThat(listed.out()).contains(fixture.rsa.fingerprint() + " ssh-rsa rsa@test");
        assertThat(fixture.admin("user", "key", "remove", "bob", fixture.rsa.fingerprint()).status()).isZero();
        assertThat(fixture.admin("user", "key", "list", "bob").out()).isBlank();
        FerryRun pw = fixture.passwd("vera", "pw-Secret-123");
        assertThat(pw.status()).isZero();
        fixture.secrets.add("pw-Secret-123");
        assertThat(fixture.admin("user", "list").out()).containsPattern("vera +viewer +password");
        assertThat(fixture.admin("user", "remove", "vera").status()).isZero();
        assertThat(fixture.refusal(Map.of(), "--api-key", fixture.viewerKey)).contains("invalid or revoked");
    }

    @Test
    @Order(6)
    void webLoginsForTheLogScan() throws Exception {
        // Passwords (right and wrong, one typed into the name field) and the login cookie join the fixture.secrets.
        String pw = "alice-Pw-" + System.nanoTime(), typo = "typo-Pw-" + System.nanoTime();
        fixture.secrets.addAll(List.of(pw, typo));
        assertThat(fixture.passwd("alice", pw)
                .status()).isZero();
        var http = java.net.http.HttpClient.newHttpClient();
        java.util.function.BiFunction<String, String, java.net.http.HttpRequest> form = (path, body) -> java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(fixture.relay.webBase() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", fixture.relay.webBase()).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        var bodies = java.net.http.HttpResponse.BodyHandlers.ofString();
        assertThat(http.send(form.apply("/login", "name=" + typo + "&password=" + typo), bodies).statusCode()).isEqualTo(401);
        var ok = http.send(form.apply("/login", "name=alice&password=" + pw), bodies);
        String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow().replaceAll(";.*", "");
        fixture.secrets.add(cookie.substring(cookie.indexOf('=') + 1));
        var me = java.net.http.HttpRequest.newBuilder(java.net.URI.create(fixture.relay.webBase() + "/api/me")).header("Cookie", cookie).build();
        assertThat(http.send(me, bodies).body()).isEqualTo("{\"user\":\"alice\"}");
    }

    @Test
    @Order(7)
    void guessingApiKeysOnJoinIsRateLimited() throws Exception {
        // Its own relay: the limit is per address, and every test comes from 127.0.0.1.
        try (RelayProcess limited = RelayProcess.start(fixture.tmp.resolve("limited"));
             ShareProcess s = ShareProcess.start(fixture.tmp.resolve("share"), limited, List.of(), "sh", "-c", "sleep 60")) {
            String data = limited.dataDir().toString();
            assertThat(FerryRun.run(fixture.tmp.resolve("cli"), "user", "add", "gina", "--role", "viewer", "--data", data).status()).isZero();
            String good = FerryRun.run(fixture.tmp.resolve("cli"), "apikey", "create", "--user", "gina", "--data", data).lastLine();
            fixture.secrets.add(good);
            java.net.URI uri = limited.ws("/ws/join/" + s.readWriteToken() + "?client=cli");
            assertThat(joinCloseReason(uri, good)).as("a good key on an open session joins").isNull();
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < 14; i++) {
                String guess = good.substring(0, good.length() - 4) + String.format("%04d", i);
                fixture.secrets.add(guess);
                reasons.add(joinCloseReason(uri, guess));
            }
            assertThat(reasons.getFirst()).isEqualTo("The provided API key is invalid or revoked");
            assertThat(reasons.getLast()).isEqualTo("Too many failed attempts, try again later");
            assertThat(joinCloseReason(uri, good)).as("blocked even with the right key").isEqualTo("Too many failed attempts, try again later");
        }
    }

    /** Joins over a raw WebSocket with this API key; the relay's close reason, or null when it seated us. */
    static String joinCloseReason(java.net.URI uri, String apiKey) throws Exception {
        var reason = new java.util.concurrent.CompletableFuture<String>();
        var ws = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + apiKey)
                .buildAsync(uri, new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onBinary(java.net.http.WebSocket w, java.nio.ByteBuffer data, boolean last) {
                        try {
                            if (dev.ferry.protocol.Frames.decode(data) instanceof dev.ferry.protocol.Message.SessionInfo) {
                                reason.complete(null);   // seated
                            }
                        } catch (dev.ferry.protocol.ProtocolException e) {
                            reason.completeExceptionally(e);
                        }
                        w.request(1);
                        return null;
                    }

                    @Override
                    public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket w, int status, String why) {
                        reason.complete(why);
                        return null;
                    }
                }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        try {
            return reason.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            ws.abort();
        }
    }

    @Test
    @Order(100)
    void noSecretEverReachesALog() throws Exception {
        fixture.assertNoSecretInLogs();
    }
}
