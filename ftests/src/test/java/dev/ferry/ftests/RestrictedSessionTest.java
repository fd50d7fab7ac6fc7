package dev.ferry.ftests;

import static dev.ferry.ftests.IdentityRelay.WAIT;
import static dev.ferry.ftests.IdentityRelay.prompt;
import static dev.ferry.ftests.IdentityRelay.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Key-restricted sessions on a real relay ({@code --authorized-keys}, {@code --allow-user},
 * {@code --github-user}), joined with the stock OpenSSH client and real ed25519, ecdsa and rsa keys, and
 * with {@code ferry join --api-key} by accounts that own a listed key or not. The last test scans every
 * log of the run for the secrets used in it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestrictedSessionTest {
    @RegisterExtension
    static final IdentityRelay fixture = new IdentityRelay();

    @Test
    @Order(1)
    void keyRestrictedSessionsAdmitOnlyListedKeys() throws Exception {
        Path file = fixture.tmp.resolve("authorized_keys");
        Files.writeString(file, "# listed\n" + fixture.ed25519.publicKey() + "\n\n" + fixture.ecdsa.publicKey() + "\n");
        try (ShareProcess s = fixture.share(Map.of(), "--authorized-keys", file.toString())) {
            String link = s.links().get("ssh session");
            try (Tmux a = new Tmux(100, 30, fixture.ed25519.ssh(link)); Tmux b = new Tmux(100, 30, fixture.ecdsa.ssh(link))) {
                prompt(a);
                prompt(b);
            }
            try (Tmux c = refused(fixture.rsa.ssh(link))) {
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
    @Order(2)
    void allowUserAdmitsThatUsersRegisteredKeys() throws Exception {
        try (ShareProcess s = fixture.share(Map.of(), "--allow-user", "bob")) {
            String link = s.links().get("ssh session read only");
            try (Tmux b = new Tmux(100, 30, fixture.rsa.ssh(link))) {
                prompt(b);
            }
            try (Tmux a = refused(fixture.ed25519.ssh(link))) {
                a.waitForText("This session is restricted to listed SSH keys");
            }
        }
        assertThat(fixture.refusal(Map.of(), "--allow-user", "nobody")).contains("no user nobody");
        assertThat(fixture.refusal(Map.of(), "--allow-user", "alice")).contains("user alice has no registered SSH key");
    }

    @Test
    @Order(3)
    void githubUserKeysComeFromTheConfiguredBaseUrl() throws Exception {
        HttpServer github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        github.createContext("/", ex -> {
            byte[] body = ex.getRequestURI().getPath().equals("/octo.keys")
                    ? (fixture.ecdsa.publicKey().replaceAll(" \\S+$", "") + "\n").getBytes(StandardCharsets.UTF_8) : new byte[0];
            ex.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) ex.getResponseBody().write(body);
            ex.close();
        });
        github.start();
        try {
            Map<String, String> env = Map.of("FERRY_GITHUB_KEYS_URL", "http://127.0.0.1:" + github.getAddress().getPort());
            try (ShareProcess s = fixture.share(env, "--github-user", "octo")) {
                String link = s.links().get("ssh session");
                try (Tmux b = new Tmux(100, 30, fixture.ecdsa.ssh(link))) {
                    prompt(b);
                }
                try (Tmux a = refused(fixture.rsa.ssh(link))) {
                    a.waitForText("This session is restricted to listed SSH keys");
                }
            }
            assertThat(fixture.refusal(env, "--github-user", "ghost")).contains("no GitHub user ghost");
        } finally {
            github.stop(0);
        }
    }

    @Test
    @Order(4)
    void ferryJoinWithAnApiKeyEntersAKeyRestrictedSessionWhenItsUserOwnsAListedKey() throws Exception {
        assertThat(fixture.admin("user", "key", "add", "alice", fixture.ed25519.publicKey()).status()).isZero();
        assertThat(fixture.admin("user", "add", "dora", "--role", "viewer").status()).isZero();
        assertThat(fixture.admin("user", "key", "add", "dora", fixture.ecdsa.publicKey()).status()).isZero();
        assertThat(fixture.admin("user", "add", "carl", "--role", "operator").status()).isZero();
        assertThat(fixture.admin("user", "key", "add", "carl", fixture.rsa.publicKey()).status()).isZero();
        String doraKey = fixture.apiKey("dora"), carlKey = fixture.apiKey("carl");
        Path file = fixture.tmp.resolve("join_keys");
        Files.writeString(file, fixture.ed25519.publicKey() + "\n" + fixture.ecdsa.publicKey() + "\n");
        try (ShareProcess s = fixture.share(Map.of(), "--authorized-keys", file.toString())) {
            String link = s.links().get("web session");
            // alice owns the listed ed25519 key: in, read-write, in a real terminal.
            try (Tmux pane = new Tmux(100, 30, "env PS1='pane$ ' bash --norc")) {
                pane.waitForText("pane$");
                pane.type(Ferry.shellCommand("join", "--api-key", fixture.aliceKey, link) + "; echo EXIT=$?");
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
            assertThat(fixture.admin("audit").out()).contains("read-write via cli from 127.0.0.1 as alice");
            // FERRY_API_KEY does the same for the relay FERRY_RELAY names; dora owns the listed ecdsa key but
            // is a viewer: seated read-only.
            String relayUrl = link.substring(0, link.indexOf("/t/"));
            try (Tmux pane = new Tmux(100, 30, "env PS1='pane$ ' bash --norc")) {
                pane.waitForText("pane$");
                pane.type("FERRY_RELAY=" + relayUrl + " FERRY_API_KEY=" + doraKey + " " + Ferry.shellCommand("join", link) + "; echo EXIT=$?");
                pane.sendKeys("Enter");
                pane.waitForText("joined-42");
                pane.type("echo dora-typed-$((2+3))");
                pane.sendKeys("Enter");
                Thread.sleep(500);
                pane.sendKeys("C-c");  // read-only: Ctrl-C leaves
                pane.waitForText("EXIT=0");
            }
            // A link to another relay than FERRY_RELAY's does not get the key: the join goes on anonymously
            // (and is refused here, as anonymous joiners are), and says why.
            FerryRun elsewhere = FerryRun.run(fixture.tmp.resolve("cli"),
                    Map.of("FERRY_API_KEY", doraKey, "FERRY_RELAY", "http://relay.invalid:8080"), null, "join", link);
            assertThat(elsewhere.status()).isEqualTo(1);
            assertThat(elsewhere.err()).contains("ferry: not sending FERRY_API_KEY to " + relayUrl
                    + " (it goes only to http://relay.invalid:8080, from --relay, FERRY_RELAY or the default); pass --api-key to send it")
                    .contains("This session is restricted to listed SSH keys (in a browser: log in first; ferry join: --api-key KEY)")
                    .doesNotContain(doraKey);
            // carl owns only the unlisted rsa key; the anonymous and a bad key are refused as well, each with its reason.
            FerryRun carl = FerryRun.run(fixture.tmp.resolve("cli"), "join", "--api-key", carlKey, link);
            assertThat(carl.status()).isEqualTo(1);
            assertThat(carl.err().strip()).isEqualTo("ferry: This session is restricted to listed SSH keys, and none of user carl's keys is listed");
            FerryRun anonymous = FerryRun.run(fixture.tmp.resolve("cli"), "join", link);
            assertThat(anonymous.status()).isEqualTo(1);
            assertThat(anonymous.err()).contains("This session is restricted to listed SSH keys (in a browser: log in first; ferry join: --api-key KEY)");
            String wrong = fixture.aliceKey.substring(0, fixture.aliceKey.length() - 3) + "zzz";
            fixture.secrets.add(wrong);
            FerryRun bad = FerryRun.run(fixture.tmp.resolve("cli"), "join", "--api-key", wrong, link);
            assertThat(bad.status()).isEqualTo(1);
            assertThat(bad.err()).contains("The provided API key is invalid or revoked");
            // The session never saw dora's typing; alice's is there.
            try (Tmux watch = new Tmux(100, 30, fixture.ed25519.ssh(s.links().get("ssh session read only")))) {
                watch.waitForText("joined-42");
                assertThat(watch.capture()).doesNotContain("dora-typed-5");
            }
        }
    }

    @Test
    @Order(100)
    void noSecretEverReachesALog() throws Exception {
        fixture.assertNoSecretInLogs();
    }
}
