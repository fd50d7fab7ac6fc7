package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.AgentFrames;
import dev.ferry.protocol.AgentMessage;
import dev.ferry.protocol.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shells on devices with a real relay and real {@code ferry agent} processes: enrolment, `ferry connect`
 * in tmux (a real session: ssh joiners, audit), roles and device groups, limits, idle expiry and
 * maximum age, reaping a shell whose user left, a revoked token, and bad input on the agent endpoint.
 * Network drops and the browser are in {@link DeviceReconnectTest} and {@link DeviceWebTest}.
 */
class DeviceShellTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    /** Shells run as daemon (the agent runs as root here), whose home is /usr/sbin; dash's prompt is "$ ". */
    static final String SHELL = "shell.command=/bin/sh\nshell.user=daemon\n";

    @TempDir static Path tmp;
    static RelayProcess relay;
    static String data;
    static final Map<String, String> keys = new java.util.HashMap<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void setUp() throws Exception {
        relay = RelayProcess.start(tmp.resolve("relay"));
        data = relay.dataDir().toString();
        for (String[] u : new String[][] {{"alice", "operator"}, {"bob", "operator"}, {"carol", "admin"}, {"vic", "viewer"}, {"gina", "operator"}}) {
            assertThat(FerryRun.run(tmp, "user", "add", u[0], "--role", u[1], "--data", data).status()).isZero();
            FerryRun k = FerryRun.run(tmp, "apikey", "create", "--user", u[0], "--data", data);
            assertThat(k.status()).isZero();
            keys.put(u[0], k.lastLine());
        }
        FerryRun g = FerryRun.run(tmp, "user", "groups", "gina", "lab", "--data", data);
        assertThat(g.status()).isZero();
        assertThat(g.out()).contains("gina may open shells in device groups: lab");
    }

    @AfterAll
    static void tearDown() {
        if (relay != null) relay.close();
    }

    /** `ferry device add`: the token alone on the last line. */
    static String addDevice(String name, String group) throws Exception {
        FerryRun r = group == null ? FerryRun.run(tmp, "device", "add", name, "--data", data)
                : FerryRun.run(tmp, "device", "add", name, "--group", group, "--data", data);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.lastLine()).matches("fd_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}");
        return r.lastLine();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    static AgentProcess agent(String name, String token, String config) throws Exception {
        return AgentProcess.start(tmp.resolve(name), relay.webBase(), token, config);
    }

    /** The API behind `ferry connect` and the web button, for shells a test only needs to exist. */
    static HttpResponse<String> openShell(String device, String user) throws Exception {
        HttpRequest rq = HttpRequest.newBuilder(URI.create(relay.webBase() + "/api/devices/" + device + "/shells"))
                .header("Authorization", "Bearer " + keys.get(user)).POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(rq, HttpResponse.BodyHandlers.ofString());
    }

    static String listDevices(String user) throws Exception {
        HttpRequest rq = HttpRequest.newBuilder(URI.create(relay.webBase() + "/api/devices"))
                .header("Authorization", "Bearer " + keys.get(user)).GET().build();
        HttpResponse<String> r = http.send(rq, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** `ferry connect DEVICE` in tmux as this user; its stderr goes to {@code errFile}. */
    static Tmux connect(String device, String user, Path errFile) throws Exception {
        String cmd = Ferry.shellCommand("connect", device, "--relay", relay.webBase(), "--api-key", keys.get(user)) + " 2>" + errFile;
        return new Tmux(100, 30, cmd);
    }

    static void prompt(Tmux t) throws Exception {
        t.waitFor(WAIT, "the shell's prompt", s -> s.lines().anyMatch(l -> l.equals("$")));
    }

    static String line(Path file, String prefix) {
        Matcher m = Pattern.compile("^" + Pattern.quote(prefix) + ": (.+)$", Pattern.MULTILINE).matcher(Ferry.read(file));
        return m.find() ? m.group(1) : null;
    }

    static String devices() throws Exception {
        FerryRun r = FerryRun.run(tmp, "devices", "--data", data);
        assertThat(r.status()).isZero();
        return r.out();
    }

    @Test
    void anEnrolledDeviceOpensShellsThatAreRealSessions() throws Exception {
        String name = unique("kiosk");
        String token = addDevice(name, "lab");
        assertThat(devices()).containsPattern(Pattern.quote(name) + " offline last-seen=never group=lab");
        Path err = tmp.resolve(name + "-connect.err");
        try (AgentProcess agent = agent(name, token, SHELL).awaitConnected(1)) {
            assertThat(devices()).containsPattern(Pattern.quote(name) + " online last-seen=20\\S+ group=lab agent=\\S+ host=\\S+ os=\"[^\"]*Linux");
            try (Tmux t = connect(name, "alice", err)) {
                prompt(t);
                t.type("id -un; pwd; echo \"$HOME $TERM\"; X=$((6*7))");
                t.sendKeys("Enter");
                t.waitFor(WAIT, "who the shell runs as", s -> s.contains("\ndaemon\n/usr/sbin\n/usr/sbin xterm-256color\n"));
                // Its links went to stderr: a stock ssh client joins the shell read-only and sees it.
                String sshRo = line(err, "ssh session read only");
                assertThat(sshRo).matches("ssh -p\\d+ ro-\\S+@127\\.0\\.0\\.1");
                assertThat(line(err, "web session")).startsWith(relay.webBase() + "/t/");
                try (Tmux ssh = new Tmux(100, 30, sshRo.replaceFirst("^ssh ", "ssh -tt -F /dev/null -o StrictHostKeyChecking=no "
                        + "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o PubkeyAuthentication=no "))) {
                    ssh.waitForText("/usr/sbin xterm-256color");
                    t.type("echo shared-$X");
                    t.sendKeys("Enter");
                    ssh.waitForText("shared-42");
                    ssh.type("echo typed-by-viewer");
                    ssh.sendKeys("Enter");
                    Thread.sleep(500);
                    assertThat(t.capture()).doesNotContain("typed-by-viewer");
                }
                t.type("exit");
                t.sendKeys("Enter");
                Ferry.waitUntil(WAIT, "connect to end", () -> Ferry.read(err).contains("session ended: the shell exited"));
            }
            // Recorded and audited like any session: the audit log says whose shell it was and who joined.
            FerryRun audit = FerryRun.run(tmp, "audit", "--data", data);
            assertThat(audit.out()).contains("shell on " + name + " for alice").contains("via cli").contains("via ssh");
            FerryRun recs = FerryRun.run(tmp, "recordings", "--data", data);
            assertThat(recs.out()).contains("shell on " + name + " for alice");
        }
        Ferry.waitUntil(WAIT, "the device to show offline", () -> {
            try {
                return devices().contains(name + " offline last-seen=20");
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void limitsPerDeviceAndPerUserAreEnforcedWithAClearMessage() throws Exception {
        String name = unique("limits");
        try (AgentProcess agent = agent(name, addDevice(name, null), SHELL + "limits.shells=2\nlimits.shells-per-user=1\ngrace-seconds=60\n")
                .awaitConnected(1)) {
            assertThat(openShell(name, "alice").statusCode()).isEqualTo(201);
            HttpResponse<String> again = openShell(name, "alice");
            assertThat(again.statusCode()).isEqualTo(429);
            assertThat(again.body()).contains("alice already has the limit of 1 shells on device " + name);
            FerryRun cli = FerryRun.run(tmp, "connect", name, "--relay", relay.webBase(), "--api-key", keys.get("alice"));
            assertThat(cli.status()).isEqualTo(1);
            assertThat(cli.err()).isEqualTo("ferry: alice already has the limit of 1 shells on device " + name + "; close one first\n");
            assertThat(openShell(name, "bob").statusCode()).isEqualTo(201);
            FerryRun full = FerryRun.run(tmp, "connect", name, "--relay", relay.webBase(), "--api-key", keys.get("carol"));
            assertThat(full.status()).isEqualTo(1);
            assertThat(full.err()).contains("device " + name + " already runs its limit of 2 shells");
        }
    }

    @Test
    void idleShellsAndOldShellsAreEndedAndTheUserIsToldWhy() throws Exception {
        String idle = unique("idle"), old = unique("old");
        Path idleErr = tmp.resolve(idle + ".err"), oldErr = tmp.resolve(old + ".err");
        try (AgentProcess a = agent(idle, addDevice(idle, null), SHELL + "limits.idle-seconds=2\n");
             AgentProcess b = agent(old, addDevice(old, null), SHELL + "limits.max-age-seconds=4\n")) {
            a.awaitConnected(1);
            b.awaitConnected(1);
            try (Tmux ti = connect(idle, "alice", idleErr); Tmux to = connect(old, "alice", oldErr)) {
                prompt(ti);
                prompt(to);
                // Keep the old one busy: age ends it anyway.
                to.type("while :; do echo tick; sleep 0.5; done");
                to.sendKeys("Enter");
                Ferry.waitUntil(WAIT, "the idle shell to end", () -> Ferry.read(idleErr).contains("session ended: the shell was idle for 2 s"));
                Ferry.waitUntil(WAIT, "the old shell to end",
                        () -> Ferry.read(oldErr).contains("session ended: the shell reached its maximum age of 4 s"));
                // ferry connect exits once it has said why (its last words reach the file before it exits).
                Ferry.waitUntil(WAIT, "ferry connect to exit", () -> {
                    try {
                        return !ti.paneAlive();
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
            }
        }
    }

    @Test
    void aShellWhoseUserLeftIsReapedAfterTheGracePeriod() throws Exception {
        String name = unique("reap");
        try (AgentProcess agent = agent(name, addDevice(name, null), SHELL + "limits.shells-per-user=1\ngrace-seconds=2\n").awaitConnected(1)) {
            try (Tmux t = connect(name, "bob", tmp.resolve(name + ".err"))) {
                prompt(t);
                assertThat(openShell(name, "bob").statusCode()).isEqualTo(429);
            }   // bob's terminal is gone (tmux killed): his connection dropped without a goodbye
            assertThat(openShell(name, "bob").statusCode()).isEqualTo(429);   // still within the grace period
            Ferry.waitUntil(WAIT, "the orphaned shell to be reaped", () -> {
                try {
                    return openShell(name, "bob").statusCode() == 201;
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(relay.stderr()).contains("ends: nobody was connected to the shell for 2 s");
        }
    }

    @Test
    void viewersOnlyWatchAndGroupsLimitOperators() throws Exception {
        String lab = unique("lab"), prod = unique("prod");
        try (AgentProcess a = agent(lab, addDevice(lab, "lab"), SHELL); AgentProcess b = agent(prod, addDevice(prod, "prod"), SHELL)) {
            a.awaitConnected(1);
            b.awaitConnected(1);
            FerryRun viewer = FerryRun.run(tmp, "connect", lab, "--relay", relay.webBase(), "--api-key", keys.get("vic"));
            assertThat(viewer.status()).isEqualTo(1);
            assertThat(viewer.err()).isEqualTo("ferry: viewers may only watch device shells, by a read-only link\n");
            FerryRun other = FerryRun.run(tmp, "connect", prod, "--relay", relay.webBase(), "--api-key", keys.get("gina"));
            assertThat(other.status()).isEqualTo(1);
            assertThat(other.err()).isEqualTo("ferry: gina may not open shells on device " + prod + " (group prod; allowed: lab)\n");
            assertThat(openShell(lab, "gina").statusCode()).isEqualTo(201);
            assertThat(openShell(prod, "carol").statusCode()).isEqualTo(201);   // an admin with no group limit
            HttpResponse<String> unknown = openShell("no-such-device", "carol");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).isEqualTo("{\"error\":\"no device no-such-device\"}");
            // Lists show a user the devices of their groups only; a user with no groups sees every device.
            assertThat(listDevices("gina")).contains("\"name\":\"" + lab + "\"").doesNotContain(prod);
            assertThat(listDevices("carol")).contains("\"name\":\"" + lab + "\"", "\"name\":\"" + prod + "\"");
            FerryRun badKey = FerryRun.run(tmp, "connect", lab, "--relay", relay.webBase(), "--api-key", "fk_nope");
            assertThat(badKey.status()).isEqualTo(1);
            assertThat(badKey.err()).isEqualTo("ferry: the API key is invalid or revoked\n");
        }
    }

    @Test
    void aRevokedTokenIsRefusedAndTheAgentSaysSo() throws Exception {
        String name = unique("revoked");
        String token = addDevice(name, null);
        try (AgentProcess agent = agent(name, token, SHELL).awaitConnected(1)) {
            assertThat(devices()).contains(name + " online");
        }
        FerryRun revoke = FerryRun.run(tmp, "device", "revoke", name, "--data", data);
        assertThat(revoke.out()).isEqualTo("device " + name + " revoked\n");
        try (AgentProcess again = agent(name + "-2", token, SHELL)) {
            Ferry.waitUntil(WAIT, "the refused agent to exit", () -> !again.process().isAlive());
            assertThat(again.process().exitValue()).isEqualTo(1);
            assertThat(again.stderr()).contains("ferry agent: the relay refused this device: the token of device " + name + " was revoked");
        }
        assertThat(devices()).contains(name + " revoked");
        try (AgentProcess stranger = agent(name + "-3", "fd_AAAAAAAA_" + "B".repeat(32), SHELL)) {
            Ferry.waitUntil(WAIT, "the unknown agent to exit", () -> !stranger.process().isAlive());
            assertThat(stranger.stderr()).contains("the relay refused this device: unknown device token");
        }
    }

    @Test
    void badInputOnTheAgentEndpointGetsAnErrorOrAClosedConnectionNeverACrash() throws Exception {
        String name = unique("wire");
        String token = addDevice(name, null);
        Duration d = Duration.ofSeconds(10);
        // Before the hello: anything else closes the connection with the reason.
        try (AgentPeer p = AgentPeer.connect(relay.ws("/ws/agent"))) {
            p.send(new AgentMessage.Ping(1));
            assertThat(p.awaitClosed(d)).isEqualTo(1002);
            assertThat(p.await(AgentMessage.Error.class, e -> true, d).text()).isEqualTo("protocol error: the first frame must be a hello");
        }
        try (AgentPeer p = AgentPeer.connect(relay.ws("/ws/agent"))) {
            p.send(new AgentMessage.Hello(AgentFrames.VERSION, token, "test", "none", "none", AgentMessage.Limits.DEFAULT));
            assertThat(p.await(AgentMessage.Welcome.class, w -> true, d).device()).isEqualTo(name);
            // Unknown types, truncated frames, unknown shells and wrong frames are answered, and the link stays up.
            p.sendRaw(new byte[] {99, 1, 2});
            p.await(AgentMessage.Error.class, e -> e.text().equals("protocol error: unknown agent frame type 99"), d);
            p.sendRaw(new byte[] {36, 0, 0});
            p.await(AgentMessage.Error.class, e -> e.text().contains("truncated"), d);
            p.send(new AgentMessage.Data(77, new Message.Output("x".getBytes())));
            p.await(AgentMessage.Error.class, e -> e.text().equals("unknown shell 77"), d);
            p.send(new AgentMessage.Open(5, "mallory", 80, 24));
            p.await(AgentMessage.Error.class, e -> e.text().equals("unexpected open frame from an agent"), d);
            p.send(new AgentMessage.Opened(5, 80, 24));
            p.await(AgentMessage.End.class, e -> e.shell() == 5, d);
            p.send(new AgentMessage.Ping(42));
            p.await(AgentMessage.Pong.class, x -> x.value() == 42, d);
            // An oversized frame closes the connection (1009, message too big).
            p.sendRaw(new byte[AgentFrames.MAX_FRAME + 1]);
            assertThat(p.awaitClosed(d)).isEqualTo(1009);
        }
        // The relay is fine: the device still works.
        try (AgentProcess agent = agent(name, token, SHELL).awaitConnected(1)) {
            assertThat(openShell(name, "alice").statusCode()).isEqualTo(201);
        }
    }
}
