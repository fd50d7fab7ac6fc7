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
 * The last test scans every log of the run for the secrets used in it.
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
    @Order(100)
    void noSecretEverReachesALog() throws Exception {
        List<Path> logs;
        try (var files = Files.walk(tmp)) {
            logs = files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".err")
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
