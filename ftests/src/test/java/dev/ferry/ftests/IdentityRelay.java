package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A relay with accounts for one test class, for the identity tests: alice (operator, with an API key),
 * vera (viewer, with an API key), bob (viewer, who owns the rsa key), real ed25519, ecdsa and rsa keys,
 * and the admin CLI beside the running relay. Use it as
 * {@code @RegisterExtension static final IdentityRelay fixture = new IdentityRelay();}; a test's own
 * files go under {@link #tmp}. It collects every secret a test uses (API keys good and mistyped,
 * passwords, session tokens, login cookies) so that the last test can scan every log for them.
 */
final class IdentityRelay implements BeforeAllCallback, AfterAllCallback {
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SHELL = "PS1=$ ";

    private final ClassRelay classRelay = new ClassRelay();
    Path tmp;
    RelayProcess relay;
    SshKeys ed25519, ecdsa, rsa;
    final List<String> secrets = new ArrayList<>();
    String aliceKey;     // operator
    String viewerKey;    // viewer

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        classRelay.beforeAll(context);
        tmp = classRelay.dir();
        relay = classRelay.get();
        relay.stdoutWith("no users yet: create the first admin with `ferry user add NAME --role admin");
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

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        classRelay.afterAll(context);
    }

    /** An admin command on this relay's data directory. */
    FerryRun admin(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", relay.dataDir().toString()));
        return FerryRun.run(tmp.resolve("cli"), Map.of(), null, all.toArray(String[]::new));
    }

    /** {@code ferry user passwd USER} with this password on standard input. */
    FerryRun passwd(String user, String password) throws Exception {
        return FerryRun.run(tmp.resolve("cli"), Map.of(), password + "\n", "user", "passwd", user, "--data", relay.dataDir().toString());
    }

    /** A new API key of the user (a secret from now on). */
    String apiKey(String user) throws Exception {
        FerryRun r = admin("apikey", "create", "--user", user);
        assertThat(r.status()).isZero();
        String key = r.lastLine();
        assertThat(key).matches("fk_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}");
        secrets.add(key);
        return key;
    }

    /** An interactive bash shared with these options (its tokens become secrets). */
    ShareProcess share(Map<String, String> env, String... options) throws Exception {
        ShareProcess s = ShareProcess.start(tmp.resolve("share"), relay, env, List.of(options), "env", SHELL, "bash", "--norc", "--noprofile", "-i");
        secrets.addAll(s.links().values().stream().map(l -> l.replaceAll(".*/t/", "")).filter(t -> !t.contains("/")).toList());
        return s;
    }

    /** Why the relay refused a share with these options (the test fails if it did not). */
    String refusal(Map<String, String> env, String... options) {
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

    /** Every stderr (relay, shares, joins, the admin CLI's err*.txt) and the relay's stdout: none holds a secret. */
    void assertNoSecretInLogs() throws Exception {
        List<Path> logs;
        try (var files = Files.walk(tmp)) {
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
