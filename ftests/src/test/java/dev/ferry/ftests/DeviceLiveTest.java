package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device shells live: a network drop between agent and relay in the middle of a running {@code top}
 * (the shell survives, participants are told and see it again, screen intact), and the device's web
 * page, where "Connect terminal" opens a shell in headless Chromium, and the devices pages keeping up with
 * the device without a reload.
 */
class DeviceLiveTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String PASSWORD = "alice-Pw-2718";
    static final String SHELL = DeviceShellTest.SHELL;
    /** What vim does at start: ask where the cursor is. The agent's screen model answers, once; the page stays silent. */
    static final String QUERY = "bash -c 'stty raw -echo; printf \"\\033[6n\"; sleep 1; r=; while IFS= read -r -s -n1 -t 0.5 c; do r=$r$c; done; "
            + "stty sane; echo; echo answers=$(printf %s \"$r\" | tr -cd R | wc -c)'";

    @TempDir static Path tmp;
    static RelayProcess relay;
    static String data, key;

    @BeforeAll
    static void setUp() throws Exception {
        relay = RelayProcess.start(tmp.resolve("relay"));
        data = relay.dataDir().toString();
        assertThat(FerryRun.run(tmp, Map.of(), PASSWORD + "\n", "user", "add", "alice", "--role", "operator", "--password", "--data", data).status()).isZero();
        key = FerryRun.run(tmp, "apikey", "create", "--user", "alice", "--data", data).lastLine();
    }

    @AfterAll
    static void tearDown() {
        if (relay != null) relay.close();
    }

    static String addDevice(String name) throws Exception {
        FerryRun r = FerryRun.run(tmp, "device", "add", name, "--data", data);
        assertThat(r.status()).isZero();
        return r.lastLine();
    }

    @Test
    void aNetworkDropInTheMiddleOfTopLeavesTheShellRunningAndItsScreenIntact() throws Exception {
        String name = "top-box";
        Path err = tmp.resolve("connect.err");
        try (TcpProxy proxy = new TcpProxy(relay.httpPort());
             AgentProcess agent = AgentProcess.start(tmp.resolve("agent"), "http://127.0.0.1:" + proxy.port(), addDevice(name),
                     SHELL + "grace-seconds=30\nreconnect.max-seconds=1\n").awaitConnected(1);
             Tmux t = new Tmux(100, 30, Ferry.shellCommand("connect", name, "--relay", relay.webBase(), "--api-key", key) + " 2>" + err)) {
          try {
            t.waitFor(WAIT, "the prompt", s -> s.lines().anyMatch(l -> l.equals("$")));
            t.type("X=same-shell; top -d 1");
            t.sendKeys("Enter");
            Pattern header = Pattern.compile("^top - (\\d\\d:\\d\\d:\\d\\d) ");
            t.waitFor(WAIT, "top", s -> header.matcher(s).find() && s.contains("Tasks:") && s.contains("PID USER"));
            String roToken = DeviceShellTest.line(err, "web session read only").replaceFirst(".*/t/", "");
            String beforeDrop;
            try (WsPeer watcher = WsPeer.connect(relay.ws("/ws/join/" + roToken))) {
                watcher.awaitText("Tasks:", WAIT);

                var clock = header.matcher(t.capture());
                beforeDrop = clock.find() ? clock.group(1) : "";
                proxy.cut();   // the network between device and relay goes down
                Ferry.waitUntil(WAIT, "the relay to see the device go", () -> relay.stderr().contains("device " + name + " disconnected"));
                Ferry.waitUntil(WAIT, "the participants' notice", () -> notice(watcher, "the device " + name + " went offline; waiting up to 30 s"));
                Thread.sleep(2500);   // top goes on printing on the device meanwhile; none of it reaches the relay
                assertThat(agent.stderr()).contains("ferry agent: disconnected");
                proxy.restore();

                agent.awaitConnected(2);
                Ferry.waitUntil(WAIT, "the participants' notice", () -> notice(watcher, "the device " + name + " is back"));
            }
            // Everyone sees top again, live (its clock moves), and a joiner arriving now gets the whole screen.
            String later = t.waitFor(WAIT, "top's clock to move after the reconnect", s -> {
                var m = header.matcher(s);
                return m.find() && !m.group(1).equals(beforeDrop) && s.contains("Tasks:") && s.contains("PID USER");
            });
            assertThat(later.lines().filter(l -> l.startsWith("top - ")).count()).isEqualTo(1);
            String sshRo = DeviceShellTest.line(err, "ssh session read only");
            try (Tmux ssh = new Tmux(100, 30, sshRo.replaceFirst("^ssh ", "ssh -tt -F /dev/null -o StrictHostKeyChecking=no "
                    + "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o PubkeyAuthentication=no "))) {
                ssh.waitFor(WAIT, "top in a late joiner's screen", s -> header.matcher(s).find() && s.contains("Tasks:") && s.contains("PID USER"));
            }
            t.sendKeys("q");   // top flushes pending input as it leaves: type only at the prompt
            t.waitFor(WAIT, "the prompt after top", s -> s.lines().anyMatch(l -> l.equals("$")));
            t.type("echo still-$X");
            t.sendKeys("Enter");
            t.waitForText("still-same-shell");
            assertThat(relay.stderr()).doesNotContain("the device " + name + " stayed offline longer");
          } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n--- agent:\n" + agent.stderr() + "\n--- connect:\n" + Ferry.read(err)
                    + "\n--- relay:\n" + relay.stderr(), e);
          }
        }
    }

    @Test
    void aDeviceAwayLongerThanTheGracePeriodLosesItsShellsAndTheUserIsToldWhy() throws Exception {
        String name = "gone-box";
        Path err = tmp.resolve("gone.err");
        try (TcpProxy proxy = new TcpProxy(relay.httpPort());
             AgentProcess agent = AgentProcess.start(tmp.resolve("gone-agent"), "http://127.0.0.1:" + proxy.port(), addDevice(name),
                     SHELL + "grace-seconds=2\nreconnect.max-seconds=1\n").awaitConnected(1);
             Tmux t = new Tmux(100, 30, Ferry.shellCommand("connect", name, "--relay", relay.webBase(), "--api-key", key) + " 2>" + err)) {
            t.waitFor(WAIT, "the prompt", s -> s.lines().anyMatch(l -> l.equals("$")));
            proxy.cut();
            Ferry.waitUntil(WAIT, "the shell to end", () -> Ferry.read(err).contains("session ended: the device " + name
                    + " stayed offline longer than 2 s"));
            Ferry.waitUntil(WAIT, "the agent to end its shell",
                    () -> agent.stderr().contains("the relay was unreachable for more than 2 s: ending 1 shell(s)"));
            proxy.restore();
            agent.awaitConnected(2);
            assertThat(agent.process().isAlive()).isTrue();
        }
    }

    /** Runs ftests/browser/drive.mjs (playwright-core on Debian's Chromium) on a scenario; returns its JSON report. */
    static String chromium(String scenario) throws Exception {
        Path dir = Ferry.root().resolve("ftests/browser");
        if (!java.nio.file.Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(dir.toFile()).inheritIO().start();
            assertThat(npm.waitFor(300, java.util.concurrent.TimeUnit.SECONDS) && npm.exitValue() == 0).as("npm ci in ftests/browser").isTrue();
        }
        Path file = java.nio.file.Files.createTempFile(tmp, "scenario", ".json");
        java.nio.file.Files.writeString(file, scenario);
        Process p = new ProcessBuilder("node", "drive.mjs", file.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor(200, java.util.concurrent.TimeUnit.SECONDS);
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean notice(WsPeer p, String text) {
        return p.received().stream().anyMatch(m -> m instanceof Message.Notice n && n.text().contains(text));
    }

    /**
     * The devices pages follow the device without a reload: offline, then online with "Connect terminal"
     * enabled once its agent connects, then offline again when it goes; the list gains a device added
     * meanwhile. The browser says when to start and stop the agent by opening a page of this test's own
     * little server, so each change happens after the page has shown the state before it.
     */
    @Test
    void theDevicePagesFollowTheDeviceWithoutAReload() throws Exception {
        String name = "live-box";
        String token = addDevice(name);
        java.util.concurrent.BlockingQueue<String> signals = new java.util.concurrent.LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer cues = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        cues.createContext("/", ex -> {
            signals.add(ex.getRequestURI().getPath().substring(1));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        cues.start();
        String cue = "http://127.0.0.1:" + cues.getAddress().getPort() + "/";
        Thread actor = Thread.ofVirtual().start(() -> {
            AgentProcess agent = null;
            try {
                for (String s; !(s = signals.take()).equals("done"); ) {
                    switch (s) {
                        case "start" -> agent = AgentProcess.start(tmp.resolve("live-agent"), relay.webBase(), token, SHELL).awaitConnected(1);
                        case "stop" -> agent.close();
                        case "add" -> addDevice("later-box");
                        default -> { }
                    }
                }
            } catch (Exception e) {
                // the browser's wait for the change fails and says which
            } finally {
                if (agent != null) agent.close();
            }
        });
        try {
            String scenario = """
                    {"timeoutMs": 20000, "steps": [
                      {"page": "a", "open": "%1$s/devices/%2$s"},
                      {"page": "a", "fill": "#name", "value": "alice"},
                      {"page": "a", "fill": "#password", "value": "%3$s"},
                      {"page": "a", "click": "#submit"},
                      {"page": "a", "waitDomText": [".status", "offline"]},
                      {"page": "a", "waitJs": "document.querySelector('#connect').disabled && (window.stayed = true)"},
                      {"page": "cue", "open": "%4$sstart"},
                      {"page": "a", "waitDomText": [".status", "online"]},
                      {"page": "a", "waitJs": "!document.querySelector('#connect').disabled && window.stayed === true"},
                      {"page": "cue", "goto": "%4$sstop"},
                      {"page": "a", "waitDomText": [".status", "offline"]},
                      {"page": "a", "waitJs": "document.querySelector('#connect').disabled && window.stayed === true"},
                      {"page": "a", "goto": "%1$s/devices"},
                      {"page": "a", "waitDomText": ["#devices", "%2$s"]},
                      {"page": "a", "waitJs": "(window.stayed = true) && (window.rows = document.querySelectorAll('#devices tbody tr').length) && !document.body.innerText.includes('later-box')"},
                      {"page": "cue", "goto": "%4$sadd"},
                      {"page": "a", "waitDomText": ["#devices a", "later-box"]},
                      {"page": "a", "waitJs": "window.stayed === true && document.querySelectorAll('#devices tbody tr').length === window.rows + 1"}
                    ]}""".formatted(relay.webBase(), name, PASSWORD, cue);
            String report = chromium(scenario);
            assertThat(report).contains("\"ok\":true");
        } finally {
            signals.add("done");
            actor.join(30_000);
            cues.stop(0);
        }
    }

    @Test
    void theDevicePageConnectsATerminalInTheBrowser() throws Exception {
        String name = "web-box";
        try (AgentProcess agent = AgentProcess.start(tmp.resolve("web-agent"), relay.webBase(), addDevice(name), SHELL).awaitConnected(1)) {
            String scenario = """
                    {"timeoutMs": 20000, "steps": [
                      {"page": "a", "open": "%1$s/devices/%2$s"},
                      {"page": "a", "fill": "#name", "value": "alice"},
                      {"page": "a", "fill": "#password", "value": "%3$s"},
                      {"page": "a", "click": "#submit"},
                      {"page": "a", "waitPageText": "Connect terminal"},
                      {"page": "a", "waitPageText": "online"},
                      {"page": "a", "click": "#connect"},
                      {"page": "a", "waitLine": "$"},
                      {"page": "a", "type": "echo web-$((6*7)) $(id -un)"},
                      {"page": "a", "press": "Enter"},
                      {"page": "a", "waitText": "web-42 daemon"},
                      {"page": "a", "type": %4$s},
                      {"page": "a", "press": "Enter"},
                      {"page": "a", "waitLine": "answers=1"}
                    ]}""".formatted(relay.webBase(), name, PASSWORD, BrowserDriver.q(QUERY));
            String report = chromium(scenario);
            assertThat(report).contains("\"ok\":true");
            assertThat(FerryRun.run(tmp, "audit", "--data", data).out()).contains("shell on " + name + " for alice");
            assertThat(FerryRun.run(tmp, "devices", "--data", data).out()).contains(name + " online");
        }
    }
}
