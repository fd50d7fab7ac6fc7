package dev.ferry.ftests;

import static dev.ferry.ftests.TmateKit.WAIT;
import static dev.ferry.ftests.TmateKit.find;
import static dev.ferry.ftests.TmateKit.ssh;
import static dev.ferry.ftests.TmateKit.tmate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * tmate's named sessions ({@code -k KEY -n NAME -r NAME_RO}, or the same as options in
 * ~/.tmate.conf) against the relay's accounts and API keys, and the relay's "API key required"
 * switch, with the stock tmate 2.4 client in tmux and OpenSSH joiners.
 */
class TmateNamedTest {
    private static final Pattern SSH_RW = Pattern.compile("(?m)^ssh session: (ssh -p\\d+ \\S+@127\\.0\\.0\\.1)$");
    private static final Pattern SSH_RO = Pattern.compile("(?m)^ssh session read only: (ssh -p\\d+ \\S+@127\\.0\\.0\\.1)$");
    private static final Pattern WEB_RW = Pattern.compile("(?m)^web session: (http\\S+)$");

    @RegisterExtension static final TmateRelay fixture = new TmateRelay();
    static String aliceKey;

    @BeforeAll
    static void start() throws Exception {
        aliceKey = apiKey(fixture.relay, "alice");
    }

    /** An operator account on that relay and a fresh API key of it. */
    static String apiKey(RelayProcess relay, String user) throws Exception {
        String data = relay.dataDir().toString();
        assertThat(FerryRun.run(fixture.tmp.resolve("cli"), "user", "add", user, "--role", "operator", "--data", data).status()).isZero();
        FerryRun created = FerryRun.run(fixture.tmp.resolve("cli"), "apikey", "create", "--user", user, "--data", data);
        assertThat(created.status()).isZero();
        return created.lastLine();
    }

    @Test
    void namedSessionsGiveOwnerSlashNameLinksAndAHeldNameIsRefused() throws Exception {
        Path home = fixture.kit.home("");
        Path other = fixture.kit.home("set -g tmate-api-key " + aliceKey + "\nset -g tmate-session-name demo\n");
        try (Tmux host = new Tmux(200, 30, tmate(home, "-F -k " + aliceKey + " -n demo -r demo-view"))) {
            String lines = host.waitFor(WAIT, "the ssh lines", s -> SSH_RW.matcher(s).find() && SSH_RO.matcher(s).find());
            String rw = find(SSH_RW, lines), ro = find(SSH_RO, lines);
            assertThat(rw).matches("ssh -p\\d+ alice/demo@127\\.0\\.0\\.1");
            assertThat(ro).matches("ssh -p\\d+ alice/demo-view@127\\.0\\.0\\.1");
            assertThat(find(WEB_RW, lines)).isEqualTo(fixture.relay.webBase() + "/t/alice/demo");
            assertThat(fixture.kit.shell(tmate(home, "display -p '#{tmate_ssh}'")).trim()).isEqualTo(rw);

            try (Tmux joiner = ssh(rw, 100, 30); Tmux viewer = ssh(ro, 100, 30)) {
                joiner.waitFor(WAIT, "the status line", s -> s.contains("0:"));
                viewer.waitFor(WAIT, "the status line", s -> s.contains("0:"));
                joiner.type("echo named-$((6*7))");
                joiner.sendKeys("Enter");
                viewer.waitForText("named-42");
            }

            // The same name from the config file while the first session lives: refused, in one clear line.
            try (Tmux second = new Tmux(200, 30, tmate(other, "-F"))) {
                second.waitForText("The session name alice/demo is in use by a live session");
                assertThat(second.capture()).doesNotContain("ssh session:");
            } finally {
                fixture.kit.kill(other);
            }
        } finally {
            fixture.kit.kill(home);
        }
    }

    @Test
    void aRestartedHostTakesItsNamesBackFromTheSessionWaitingForItsLostConnection() throws Exception {
        try (TcpProxy proxy = new TcpProxy(fixture.kit.relaySshPort())) {
            Path crashed = fixture.kit.home("set -g tmate-server-port " + proxy.port() + "\n");
            Path restarted = fixture.kit.home("");
            try (Tmux first = new Tmux(200, 30, tmate(crashed, "-F -k " + aliceKey + " -n phoenix"))) {
                String rw = find(SSH_RW, first.waitFor(WAIT, "the ssh line", s -> SSH_RW.matcher(s).find()));
                assertThat(rw).contains(" alice/phoenix@");
                try (Tmux viewer = ssh(rw, 100, 30)) {
                    viewer.waitFor(WAIT, "the status line", s -> s.contains("0:"));
                    // The connection drops and that tmate dies before it can come back (its FIN is lost).
                    proxy.cut();
                    viewer.waitForText("the tmate host lost its connection");
                    fixture.kit.kill(crashed);
                    try (Tmux second = new Tmux(200, 30, tmate(restarted, "-F -k " + aliceKey + " -n phoenix"))) {
                        String again = find(SSH_RW, second.waitFor(WAIT, "the ssh line", s -> SSH_RW.matcher(s).find()));
                        assertThat(again).isEqualTo(rw);
                        viewer.waitForText("the tmate host started a new session with these names");
                        try (Tmux joiner = ssh(rw, 100, 30)) {
                            joiner.waitFor(WAIT, "the status line", s -> s.contains("0:"));
                            joiner.type("echo phoenix-$((6*7))");
                            joiner.sendKeys("Enter");
                            joiner.waitForText("phoenix-42");
                        }
                    } finally {
                        fixture.kit.kill(restarted);
                    }
                }
            } finally {
                fixture.kit.kill(crashed);
            }
        }
    }

    @Test
    void badKeysAndNamesWithoutAKeyGetTmateIosWords() throws Exception {
        Path home = fixture.kit.home("");
        try (Tmux host = new Tmux(200, 30, tmate(home, "-F -n lonely"))) {
            host.waitForText("To name sessions, specify your api key with -k. Ask this relay's admin for one");
            assertThat(host.capture()).doesNotContain("ssh session:");
        } finally {
            fixture.kit.kill(home);
        }
        Path bad = fixture.kit.home("");
        try (Tmux host = new Tmux(200, 30, tmate(bad, "-F -k fk_nope_nope -n demo2"))) {
            host.waitForText("The provided api key is invalid. Please fix.");
            assertThat(host.capture()).doesNotContain("ssh session:");
        } finally {
            fixture.kit.kill(bad);   // promptly: every retry with a bad key counts against 127.0.0.1
        }
        Path badName = fixture.kit.home("");
        try (Tmux host = new Tmux(200, 30, tmate(badName, "-F -k " + aliceKey + " -n bad--name"))) {
            host.waitForText("The session name may only contain alphanumeric characters or single hyphens, "
                    + "and cannot begin or end with a hyphen");
        } finally {
            fixture.kit.kill(badName);
        }
    }

    @Test
    void aRelayThatRequiresAnApiKeyRefusesTmateHostsWithoutOne() throws Exception {
        try (RelayProcess strict = RelayProcess.start(fixture.tmp.resolve("strict"), "--require-api-key", "true")) {
            TmateKit strictKit = TmateKit.forRelay(fixture.tmp, strict);
            String key = apiKey(strict, "olga");
            Path without = strictKit.home("");
            try (Tmux host = new Tmux(200, 30, tmate(without, "-F"))) {
                host.waitForText("This relay requires an api key to host sessions: specify it with -k");
                assertThat(host.capture()).doesNotContain("ssh session:");
            } finally {
                strictKit.kill(without);
            }
            Path with = strictKit.home("set -g tmate-api-key " + key + "\n");
            try (Tmux host = new Tmux(200, 30, tmate(with, "-F"))) {
                String lines = host.waitFor(WAIT, "the ssh line", s -> SSH_RW.matcher(s).find());
                try (Tmux joiner = ssh(find(SSH_RW, lines), 100, 30)) {
                    joiner.waitFor(WAIT, "the status line", s -> s.contains("0:"));
                }
            } finally {
                strictKit.kill(with);
            }
            for (String log : List.of(strict.stdout(), strict.stderr())) assertThat(log).doesNotContain(key);
        }
        for (String log : List.of(fixture.relay.stdout(), fixture.relay.stderr())) assertThat(log).doesNotContain(aliceKey);
    }
}
