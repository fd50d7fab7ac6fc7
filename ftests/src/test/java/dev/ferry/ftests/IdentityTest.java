package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts on a real relay: the admin CLI beside the running relay, API keys, named sessions and
 * key-restricted sessions joined with the stock OpenSSH client and real ed25519, ecdsa and rsa keys.
 * The last test scans every log of the run (the relay's output, every stderr) for the secrets used in it:
 * API keys (good and mistyped), passwords, session tokens and web login cookies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SHELL = "PS1=$ ";

    @TempDir static Path tmp;
    static RelayProcess relay;
    static String aliceKey;     // operator
    static String viewerKey;    // viewer
    static SshKeys ed25519, ecdsa, rsa;
    static final List<String> secrets = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        relay = RelayProcess.start(tmp.resolve("relay"));
        assertThat(relay.stdout()).contains("no users yet: create the first admin with `ferry user add NAME --role admin");
        ed25519 = SshKeys.generate(tmp.resolve("keys"), "ed25519");
        ecdsa = SshKeys.generate(tmp.resolve("keys"), "ecdsa");
        rsa = SshKeys.generate(tmp.resolve("keys"), "rsa");
        // The admin CLI works on the data directory while the relay runs.
        assertThat(admin("user", "add", "alice", "--role", "operator").status()).isZero();
        assertThat(admin("user", "add", "vera", "--role", "viewer").status()).isZero();
        assertThat(admin("user", "add", "bob", "--role", "viewer").status()).isZero();
        FerryRun added = admin("user", "key", "add", "bob", rsa.publicKey());
        assertThat(added.status()).isZero();
        assertThat(added.out()).contains(rsa.fingerprint());   // the same fingerprint as ssh-keygen -l
        aliceKey = apiKey("alice");
        viewerKey = apiKey("vera");
    }

    @AfterAll
    static void tearDown() {
        if (relay != null) relay.close();
    }

    static FerryRun admin(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", relay.dataDir().toString()));
        return FerryRun.run(tmp.resolve("cli"), Map.of(), null, all.toArray(String[]::new));
    }

    static String apiKey(String user) throws Exception {
        FerryRun r = admin("apikey", "create", "--user", user);
        assertThat(r.status()).isZero();
        String key = r.lastLine();
        assertThat(key).matches("fk_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}");
        secrets.add(key);
        return key;
    }

    static ShareProcess share(Map<String, String> env, String... options) throws Exception {
        ShareProcess s = ShareProcess.start(tmp.resolve("share"), relay, env, List.of(options), "env", SHELL, "bash", "--norc", "--noprofile", "-i");
        secrets.addAll(s.links().values().stream().map(l -> l.replaceAll(".*/t/", "")).filter(t -> !t.contains("/")).toList());
        return s;
    }

    static String refusal(Map<String, String> env, String... options) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> share(env, options).close());
        assertThat(t).as("the share should have been refused").isNotNull();
        return t.getMessage();
    }

    /** A joiner the relay should refuse: the pane outlives ssh (a fast exit would take the window with it). */
    static Tmux refused(String command) throws Exception {
        return new Tmux(100, 30, command + "; sleep 60");
    }

    static void prompt(Tmux t) throws Exception {
        t.waitFor(WAIT, "the shell's prompt", s -> s.lines().anyMatch(l -> l.equals("$")));
    }

    @Test
    @Order(1)
    void namedSessionsGiveStableLinksInTmatesForm() throws Exception {
        try (ShareProcess s = share(Map.of(), "--api-key", aliceKey, "--name", "demo", "--name-ro", "demo-view")) {
            int port = Integer.parseInt(s.links().get("ssh session").replaceAll("ssh -p(\\d+) .*", "$1"));
            assertThat(s.links().get("ssh session")).isEqualTo("ssh -p" + port + " alice/demo@127.0.0.1");
            assertThat(s.links().get("ssh session read only")).isEqualTo("ssh -p" + port + " alice/demo-view@127.0.0.1");
            assertThat(s.links().get("web session")).isEqualTo(relay.webBase() + "/t/alice/demo");
            assertThat(s.links().get("web session read only")).isEqualTo(relay.webBase() + "/t/alice/demo-view");

            try (Tmux rw = new Tmux(100, 30, ed25519.ssh(s.links().get("ssh session")));
                 Tmux ro = new Tmux(100, 30, ed25519.ssh(s.links().get("ssh session read only")))) {
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
            try (WsPeer web = WsPeer.connect(relay.ws("/ws/join/alice/demo-view"))) {
                var info = web.await(dev.ferry.protocol.Message.SessionInfo.class, WAIT);
                assertThat(info.readOnly()).isTrue();
                assertThat(info.roToken()).isEqualTo("alice/demo-view");
                assertThat(info.rwToken()).isEmpty();
                web.awaitText("rw-typed-42", WAIT);
            }
            try (WsPeer nobody = WsPeer.connect(relay.ws("/ws/join/alice/nothing"))) {
                nobody.awaitClosed(WAIT);
                assertThat(nobody.closeReason()).isEqualTo("Invalid or expired session token");
            }

            // A name a live session holds is refused, with the reason.
            assertThat(refusal(Map.of(), "--api-key", aliceKey, "--name", "demo"))
                    .contains("The session name alice/demo is in use by a live session");
            assertThat(refusal(Map.of(), "--api-key", aliceKey, "--name", "other", "--name-ro", "demo-view"))
                    .contains("alice/demo-view is in use");
        }
        // Ended: the name is free again; FERRY_API_KEY works in place of the flag.
        try (ShareProcess s = share(Map.of("FERRY_API_KEY", aliceKey), "--name", "demo")) {
            assertThat(s.links().get("web session")).endsWith("/t/alice/demo");
            assertThat(s.links().get("web session read only")).matches(".*/t/ro-[a-z2-9]{26}");   // the other stays random
        }
    }

    @Test
    @Order(2)
    void badNamesAndKeysAreRefusedClearly() throws Exception {
        assertThat(refusal(Map.of(), "--api-key", aliceKey, "--name", "bad--name"))
                .contains("invalid session name 'bad--name'");
        assertThat(refusal(Map.of(), "--api-key", aliceKey, "--name", "-x")).contains("invalid session name");
        assertThat(refusal(Map.of(), "--api-key", aliceKey, "--name", "a".repeat(51))).contains("at most 50");
        assertThat(refusal(Map.of(), "--api-key", aliceKey, "--name", "same", "--name-ro", "same")).contains("same session name");
        assertThat(refusal(Map.of(), "--name", "demo")).contains("To name sessions, give an API key");
        String wrong = aliceKey.substring(0, aliceKey.length() - 2) + (aliceKey.endsWith("xx") ? "yy" : "xx");
        secrets.add(wrong);
        assertThat(refusal(Map.of(), "--api-key", wrong, "--name", "demo")).contains("The provided API key is invalid or revoked");
        assertThat(refusal(Map.of(), "--api-key", "garbage", "--name", "demo")).contains("The provided API key is invalid or revoked");
        assertThat(refusal(Map.of(), "--api-key", viewerKey)).contains("User vera may not host sessions");
    }

    @Test
    @Order(3)
    void apiKeysAreListedWithLastUseAndRevocable() throws Exception {
        String key = apiKey("alice");
        String id = key.substring(3, 11);
        assertThat(admin("apikey", "list", "--user", "alice").out()).contains(id + " alice").contains("last-used=never");
        share(Map.of(), "--api-key", key).close();
        String listed = admin("apikey", "list").out();
        assertThat(listed.lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow()).doesNotContain("last-used=never");
        assertThat(listed).doesNotContain(key);
        assertThat(admin("apikey", "revoke", id).status()).isZero();
        assertThat(admin("apikey", "list").out()).containsPattern(id + " alice .*revoked=");
        assertThat(refusal(Map.of(), "--api-key", key)).contains("The provided API key is invalid or revoked");
        assertThat(admin("apikey", "revoke", id).err()).contains("no active API key " + id);
    }

    @Test
    @Order(4)
    void keyRestrictedSessionsAdmitOnlyListedKeys() throws Exception {
        Path file = tmp.resolve("authorized_keys");
        Files.writeString(file, "# listed\n" + ed25519.publicKey() + "\n\n" + ecdsa.publicKey() + "\n");
        try (ShareProcess s = share(Map.of(), "--authorized-keys", file.toString())) {
            String link = s.links().get("ssh session");
            try (Tmux a = new Tmux(100, 30, ed25519.ssh(link)); Tmux b = new Tmux(100, 30, ecdsa.ssh(link))) {
                prompt(a);
                prompt(b);
            }
            try (Tmux c = refused(rsa.ssh(link))) {
                c.waitForText("This session is restricted to listed SSH keys");
            }
            // No key at all (keyboard-interactive only): refused the same way.
            try (Tmux d = refused(link.replaceFirst("^ssh ", "ssh -tt -F /dev/null -o StrictHostKeyChecking=no "
                    + "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o PubkeyAuthentication=no "))) {
                d.waitForText("This session is restricted to listed SSH keys");
            }
        }
    }

    @Test
    @Order(5)
    void allowUserAdmitsThatUsersRegisteredKeys() throws Exception {
        try (ShareProcess s = share(Map.of(), "--allow-user", "bob")) {
            String link = s.links().get("ssh session read only");
            try (Tmux b = new Tmux(100, 30, rsa.ssh(link))) {
                prompt(b);
            }
            try (Tmux a = refused(ed25519.ssh(link))) {
                a.waitForText("This session is restricted to listed SSH keys");
            }
        }
        assertThat(refusal(Map.of(), "--allow-user", "nobody")).contains("no user nobody");
        assertThat(refusal(Map.of(), "--allow-user", "alice")).contains("user alice has no registered SSH key");
    }

    @Test
    @Order(6)
    void githubUserKeysComeFromTheConfiguredBaseUrl() throws Exception {
        HttpServer github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        github.createContext("/", ex -> {
            byte[] body = ex.getRequestURI().getPath().equals("/octo.keys")
                    ? (ecdsa.publicKey().replaceAll(" \\S+$", "") + "\n").getBytes(StandardCharsets.UTF_8) : new byte[0];
            ex.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) ex.getResponseBody().write(body);
            ex.close();
        });
        github.start();
        try {
            Map<String, String> env = Map.of("FERRY_GITHUB_KEYS_URL", "http://127.0.0.1:" + github.getAddress().getPort());
            try (ShareProcess s = share(env, "--github-user", "octo")) {
                String link = s.links().get("ssh session");
                try (Tmux b = new Tmux(100, 30, ecdsa.ssh(link))) {
                    prompt(b);
                }
                try (Tmux a = refused(rsa.ssh(link))) {
                    a.waitForText("This session is restricted to listed SSH keys");
                }
            }
            assertThat(refusal(env, "--github-user", "ghost")).contains("no GitHub user ghost");
        } finally {
            github.stop(0);
        }
    }

    @Test
    @Order(7)
    void aRelayThatRequiresAnApiKeyRefusesHostsWithout() throws Exception {
        try (RelayProcess strict = RelayProcess.start(tmp.resolve("strict"), "--require-api-key", "true")) {
            FerryRun add = FerryRun.run(tmp.resolve("cli"), "user", "add", "olga", "--role", "operator", "--data", strict.dataDir().toString());
            assertThat(add.status()).isZero();
            FerryRun created = FerryRun.run(tmp.resolve("cli"), "apikey", "create", "--user", "olga", "--data", strict.dataDir().toString());
            String key = created.lastLine();
            secrets.add(key);
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() ->
                    ShareProcess.start(tmp.resolve("share"), strict, List.of(), "sh", "-c", "sleep 30").close());
            assertThat(t).hasMessageContaining("This relay requires an API key to share");
            try (ShareProcess ok = ShareProcess.start(tmp.resolve("share"), strict, Map.of("FERRY_API_KEY", key), List.of(), "sh", "-c", "sleep 30")) {
                assertThat(ok.links()).containsKey("web session");
            }
            assertThat(strict.stdout()).contains("hosting: API key required");
        }
    }

    @Test
    @Order(8)
    void adminCommandsRefuseBadInputClearly() throws Exception {
        FerryRun dup = admin("user", "add", "alice", "--role", "admin");
        assertThat(dup.status()).isNotZero();
        assertThat(dup.err().strip()).isEqualTo("ferry: user alice already exists");
        assertThat(admin("user", "add", "x", "--role", "root").err()).contains("unknown role 'root'");
        assertThat(admin("user", "key", "add", "bob", "ssh-ed25519 notbase64").err()).contains("not an SSH public key");
        assertThat(admin("apikey", "create", "--user", "nobody").err()).contains("no user nobody");
        FerryRun noUser = admin("user", "key", "list", "nobody");
        assertThat(noUser.status()).isNotZero();
        assertThat(noUser.err().strip()).isEqualTo("ferry: no user nobody");
        FerryRun noPasswd = FerryRun.run(tmp.resolve("cli"), Map.of(), "never-Set-1\n", "user", "passwd", "nobody", "--data", relay.dataDir().toString());
        assertThat(noPasswd.status()).isNotZero();
        assertThat(noPasswd.err().strip()).isEqualTo("ferry: no user nobody");
        FerryRun listed = admin("user", "key", "list", "bob");
        assertThat(listed.out()).contains(rsa.fingerprint() + " ssh-rsa rsa@test");
        assertThat(admin("user", "key", "remove", "bob", rsa.fingerprint()).status()).isZero();
        assertThat(admin("user", "key", "list", "bob").out()).isBlank();
        FerryRun pw = FerryRun.run(tmp.resolve("cli"), Map.of(), "pw-Secret-123\n", "user", "passwd", "vera", "--data", relay.dataDir().toString());
        assertThat(pw.status()).isZero();
        secrets.add("pw-Secret-123");
        assertThat(admin("user", "list").out()).containsPattern("vera +viewer +password");
        assertThat(admin("user", "remove", "vera").status()).isZero();
        assertThat(refusal(Map.of(), "--api-key", viewerKey)).contains("invalid or revoked");
    }

    @Test
    @Order(9)
    void ferryJoinWithAnApiKeyEntersAKeyRestrictedSessionWhenItsUserOwnsAListedKey() throws Exception {
        assertThat(admin("user", "key", "add", "alice", ed25519.publicKey()).status()).isZero();
        assertThat(admin("user", "add", "dora", "--role", "viewer").status()).isZero();
        assertThat(admin("user", "key", "add", "dora", ecdsa.publicKey()).status()).isZero();
        assertThat(admin("user", "add", "carl", "--role", "operator").status()).isZero();
        assertThat(admin("user", "key", "add", "carl", rsa.publicKey()).status()).isZero();
        String doraKey = apiKey("dora"), carlKey = apiKey("carl");
        Path file = tmp.resolve("join_keys");
        Files.writeString(file, ed25519.publicKey() + "\n" + ecdsa.publicKey() + "\n");
        try (ShareProcess s = share(Map.of(), "--authorized-keys", file.toString())) {
            String link = s.links().get("web session");
            // alice owns the listed ed25519 key: in, read-write, in a real terminal.
            try (Tmux pane = new Tmux(100, 30, "env PS1='pane$ ' bash --norc")) {
                pane.waitForText("pane$");
                pane.type(Ferry.shellCommand("join", "--api-key", aliceKey, link) + "; echo EXIT=$?");
                pane.sendKeys("Enter");
                prompt(pane);
                pane.type("echo joined-$((6*7))");
                pane.sendKeys("Enter");
                pane.waitFor(WAIT, "the command's output", t -> t.lines().anyMatch(l -> l.strip().equals("joined-42")));
                pane.sendKeys("Enter");
                pane.type("~.");
                pane.waitForText("EXIT=0");
            }
            // The audit log names the account that joined.
            assertThat(admin("audit").out()).contains("read-write via cli from 127.0.0.1 as alice");
            // FERRY_API_KEY does the same; dora owns the listed ecdsa key but is a viewer: seated read-only.
            try (Tmux pane = new Tmux(100, 30, "env PS1='pane$ ' bash --norc")) {
                pane.waitForText("pane$");
                pane.type("FERRY_API_KEY=" + doraKey + " " + Ferry.shellCommand("join", link) + "; echo EXIT=$?");
                pane.sendKeys("Enter");
                pane.waitForText("joined-42");
                pane.type("echo dora-typed-$((2+3))");
                pane.sendKeys("Enter");
                Thread.sleep(500);
                pane.sendKeys("C-c");  // read-only: Ctrl-C leaves
                pane.waitForText("EXIT=0");
            }
            // carl owns only the unlisted rsa key; the anonymous and a bad key are refused as well, each with its reason.
            FerryRun carl = FerryRun.run(tmp.resolve("cli"), "join", "--api-key", carlKey, link);
            assertThat(carl.status()).isEqualTo(1);
            assertThat(carl.err().strip()).isEqualTo("ferry: This session is restricted to listed SSH keys, and none of user carl's keys is listed");
            FerryRun anonymous = FerryRun.run(tmp.resolve("cli"), "join", link);
            assertThat(anonymous.status()).isEqualTo(1);
            assertThat(anonymous.err()).contains("This session is restricted to listed SSH keys (in a browser: log in first; ferry join: --api-key KEY)");
            String wrong = aliceKey.substring(0, aliceKey.length() - 3) + "zzz";
            secrets.add(wrong);
            FerryRun bad = FerryRun.run(tmp.resolve("cli"), "join", "--api-key", wrong, link);
            assertThat(bad.status()).isEqualTo(1);
            assertThat(bad.err()).contains("The provided API key is invalid or revoked");
            // The session never saw dora's typing; alice's is there.
            try (Tmux watch = new Tmux(100, 30, ed25519.ssh(s.links().get("ssh session read only")))) {
                watch.waitForText("joined-42");
                assertThat(watch.capture()).doesNotContain("dora-typed-5");
            }
        }
    }

    @Test
    @Order(10)
    void webLoginsForTheLogScan() throws Exception {
        // Passwords (right and wrong, one typed into the name field) and the login cookie join the secrets.
        String pw = "alice-Pw-" + System.nanoTime(), typo = "typo-Pw-" + System.nanoTime();
        secrets.addAll(List.of(pw, typo));
        assertThat(FerryRun.run(tmp.resolve("cli"), Map.of(), pw + "\n", "user", "passwd", "alice", "--data", relay.dataDir().toString())
                .status()).isZero();
        var http = java.net.http.HttpClient.newHttpClient();
        java.util.function.BiFunction<String, String, java.net.http.HttpRequest> form = (path, body) -> java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(relay.webBase() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", relay.webBase()).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        var bodies = java.net.http.HttpResponse.BodyHandlers.ofString();
        assertThat(http.send(form.apply("/login", "name=" + typo + "&password=" + typo), bodies).statusCode()).isEqualTo(401);
        var ok = http.send(form.apply("/login", "name=alice&password=" + pw), bodies);
        String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow().replaceAll(";.*", "");
        secrets.add(cookie.substring(cookie.indexOf('=') + 1));
        var me = java.net.http.HttpRequest.newBuilder(java.net.URI.create(relay.webBase() + "/api/me")).header("Cookie", cookie).build();
        assertThat(http.send(me, bodies).body()).isEqualTo("{\"user\":\"alice\"}");
    }

    @Test
    @Order(11)
    void guessingApiKeysOnJoinIsRateLimited() throws Exception {
        // Its own relay: the limit is per address, and every test comes from 127.0.0.1.
        try (RelayProcess limited = RelayProcess.start(tmp.resolve("limited"));
             ShareProcess s = ShareProcess.start(tmp.resolve("share"), limited, List.of(), "sh", "-c", "sleep 60")) {
            String data = limited.dataDir().toString();
            assertThat(FerryRun.run(tmp.resolve("cli"), "user", "add", "gina", "--role", "viewer", "--data", data).status()).isZero();
            String good = FerryRun.run(tmp.resolve("cli"), "apikey", "create", "--user", "gina", "--data", data).lastLine();
            secrets.add(good);
            java.net.URI uri = limited.ws("/ws/join/" + s.readWriteToken() + "?client=cli");
            assertThat(joinCloseReason(uri, good)).as("a good key on an open session joins").isNull();
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < 14; i++) {
                String guess = good.substring(0, good.length() - 4) + String.format("%04d", i);
                secrets.add(guess);
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
        List<Path> logs;
        try (var files = Files.walk(tmp)) {
            // Every stderr (relay, shares, joins, the admin CLI's err*.txt) and the relay's stdout.
            logs = files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".err")
                    || (f.getFileName().toString().startsWith("err") && f.toString().endsWith(".txt"))
                    || (f.toString().endsWith(".out") && f.getFileName().toString().startsWith("relay"))).toList();
        }
        assertThat(logs).isNotEmpty();
        assertThat(secrets).hasSizeGreaterThan(5);
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertThat(text).as("%s must not contain a secret", log).doesNotContain(secret);
            }
        }
    }
}
