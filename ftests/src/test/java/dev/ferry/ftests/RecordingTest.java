package dev.ferry.ftests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.Message;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings and the audit log of a real relay: played back by stock {@code asciinema cat}, checked
 * against what a participant received; a {@code kill -9} mid-session; a scripted two-person session's
 * audit log with every account in it, and the filters by account; the REST endpoints by role; a logged-in
 * viewer replaying from the recordings page and the session page in headless Chromium.
 */
class RecordingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String[] BASH = {"env", "PS1=$ ", "bash", "--norc", "--noprofile", "-i"};

    private static final String BOB_PW = "bob-Pw-4711", VERA_PW = "vera-Pw-0815";

    @TempDir Path tmp;

    private static byte[] afterSnapshot(WsPeer peer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Message m : peer.received()) {
            if (m instanceof Message.Snapshot) out.reset();
            if (m instanceof Message.Output o) out.writeBytes(o.data());
        }
        return out.toByteArray();
    }

    private static void type(WsPeer peer, String text) throws Exception {
        peer.send(new Message.Input(text.getBytes(UTF_8)));
    }

    private String onlyRecordingId(RelayProcess relay) throws Exception {
        PlayCli.Run list = PlayCli.ferry(tmp, "recordings", "--json", "--data", relay.dataDir().toString());
        assertThat(list.exit()).as(list.stderr()).isZero();
        Matcher m = ID.matcher(list.stdoutText());
        assertThat(m.find()).as(list.stdoutText()).isTrue();
        String id = m.group(1);
        assertThat(m.find()).as("exactly one recording").isFalse();
        return id;
    }

    /** Waits until the index says the recording is complete. */
    private void awaitFinished(RelayProcess relay) {
        Ferry.waitUntil(WAIT, "the recording to be finished", () -> {
            try {
                String json = PlayCli.ferry(tmp, "recordings", "--json", "--data", relay.dataDir().toString()).stdoutText();
                return json.contains("\"finished\":\"");
            } catch (Exception e) {
                return false;
            }
        });
    }

    private byte[] asciinemaCat(Path cast) throws Exception {
        Path out = tmp.resolve("cat-" + System.nanoTime() + ".out");
        PlayCli.Run cat = PlayCli.inPty(tmp, "asciinema cat '" + cast + "' > '" + out + "'");
        assertThat(cat.exit()).as("asciinema cat: " + cat.stdoutText() + cat.stderr()).isZero();
        return Files.readAllBytes(out);
    }

    private Path exported(RelayProcess relay, String id) throws Exception {
        PlayCli.Run export = PlayCli.ferry(tmp, "recordings", "export", id, "--data", relay.dataDir().toString());
        assertThat(export.exit()).as(export.stderr()).isZero();
        Path cast = tmp.resolve(id + ".cast");
        Files.write(cast, export.stdout());
        return cast;
    }

    private static HttpResponse<String> get(RelayProcess relay, String path, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(relay.webBase() + path));
        if (header != null) b.header(header, value);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code ferry audit ARGS} as (kind-and-rest) columns, checked to be of session {@code id}. */
    private List<String> audit(RelayProcess relay, String id, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("audit", "--data", relay.dataDir().toString()));
        all.addAll(List.of(args));
        PlayCli.Run audit = PlayCli.ferry(tmp, all.toArray(String[]::new));
        assertThat(audit.exit()).as(audit.stderr()).isZero();
        List<String> lines = new ArrayList<>();
        for (String line : audit.stdoutText().split("\n")) {
            if (line.isEmpty()) continue;
            String[] cols = line.split("  ", 3);
            assertThat(cols[1]).isEqualTo(id);
            lines.add(cols[2]);
        }
        return lines;
    }

    @Test
    void aTwoPersonSessionPlaysInStockAsciinemaAsTheWebParticipantSawItAndItsAuditLogNamesEveryone() throws Exception {
        SshKeys daveKey = SshKeys.generate(tmp.resolve("keys"), "ed25519");
        try (RelayProcess relay = RelayProcess.start(tmp.resolve("relay"))) {
            Accounts.add(relay, "alice", "operator", null);   // hosts with her API key
            Accounts.add(relay, "bob", "operator", BOB_PW);   // joins in the browser, logged in
            Accounts.add(relay, "dave", "viewer", null);      // joins with stock ssh and his registered key
            Accounts.add(relay, "ada", "admin", null);        // reads the audit log over REST
            Accounts.addKey(relay, "dave", daveKey);
            String aliceKey = Accounts.apiKey(relay, "alice"), daveApiKey = Accounts.apiKey(relay, "dave");
            String adaKey = Accounts.apiKey(relay, "ada");
            String bobCookie = Accounts.login(relay, "bob", BOB_PW);

            WsPeer web;
            String typed1 = "echo hi-$((6*7))\r";
            String typed2 = "printf 'caf\\303\\251 \\342\\202\\254\\n'\r";
            try (ShareProcess share = ShareProcess.start(tmp.resolve("share"), relay, Map.of(), List.of("--api-key", aliceKey), BASH)) {
                web = WsPeer.connect(relay.ws("/ws/join/" + share.readWriteToken()), Map.of("Cookie", bobCookie));
                // dave is a viewer: seated read-only although he uses the read-write link.
                Tmux ssh = new Tmux(80, 24, daveKey.ssh(share.links().get("ssh session")));
                try (web; ssh) {
                    web.awaitText("$", WAIT);
                    ssh.waitFor(WAIT, "the ssh joiner's prompt", s -> s.contains("$"));
                    ssh.type("echo dave-$((1+1))");
                    ssh.sendKeys("Enter");
                    type(web, typed1);
                    web.awaitText("hi-42", WAIT);
                    ssh.waitForText("hi-42");
                    type(web, typed2);
                    web.awaitText("caf\u00e9 \u20ac", WAIT);
                    assertThat(web.terminalText()).doesNotContain("dave-2");
                    ssh.run("kill-server");  // the ssh joiner goes away: a leave
                    Thread.sleep(500);
                    type(web, "exit\r");
                    web.awaitClosed(WAIT);
                }
            }
            awaitFinished(relay);
            String id = onlyRecordingId(relay);

            // Stock asciinema plays the recording; its output ends with exactly what the participant got after its snapshot.
            byte[] seen = afterSnapshot(web);
            assertThat(new String(seen, UTF_8)).contains("hi-42").contains("caf\u00e9 \u20ac");
            byte[] played = asciinemaCat(exported(relay, id));
            assertThat(new String(played, UTF_8)).endsWith(new String(seen, UTF_8));

            // The audit log, exactly, with every account (the input lines summed: they are per second).
            String fp = daveKey.fingerprint();
            List<String> lines = new ArrayList<>();
            long typedBytes = 0;
            for (String line : audit(relay, id, "--session", id)) {
                if (line.startsWith("input  #1 ")) {
                    assertThat(line).endsWith(" bytes as bob");
                    typedBytes += Long.parseLong(line.split(" ")[3]);
                } else {
                    lines.add(line);
                }
            }
            assertThat(lines).containsExactly(
                    "start  by 127.0.0.1 as alice (read-write): env PS1=$  bash --norc --noprofile -i",
                    "join   #1 read-write via web from 127.0.0.1 as bob",
                    "join   #2 read-only via ssh from 127.0.0.1 as dave key " + fp,
                    "leave  #2 read-only via ssh from 127.0.0.1 as dave key " + fp,
                    "end    the host's command exited (status 0)");
            assertThat(typedBytes).isEqualTo((typed1 + typed2 + "exit\r").getBytes(UTF_8).length);

            // --user: the audit by acting account, recordings by host account.
            assertThat(audit(relay, id, "--user", "dave")).containsExactly(
                    "join   #2 read-only via ssh from 127.0.0.1 as dave key " + fp,
                    "leave  #2 read-only via ssh from 127.0.0.1 as dave key " + fp);
            assertThat(audit(relay, id, "--user", "alice")).containsExactly(
                    "start  by 127.0.0.1 as alice (read-write): env PS1=$  bash --norc --noprofile -i",
                    "end    the host's command exited (status 0)");
            List<String> bobs = audit(relay, id, "--user", "bob");
            assertThat(bobs.getFirst()).isEqualTo("join   #1 read-write via web from 127.0.0.1 as bob");
            assertThat(bobs.subList(1, bobs.size())).isNotEmpty().allMatch(l -> l.startsWith("input  #1 ") && l.endsWith(" as bob"));
            assertThat(audit(relay, id, "--user", "ada")).isEmpty();
            String data = relay.dataDir().toString();
            assertThat(PlayCli.ferry(tmp, "recordings", "--user", "alice", "--json", "--data", data).stdoutText())
                    .contains("\"id\":\"" + id + "\"").contains("\"host\":\"alice\"");
            assertThat(PlayCli.ferry(tmp, "recordings", "--user", "bob", "--json", "--data", data).stdoutText().strip()).isEqualTo("[]");
            assertThat(PlayCli.ferry(tmp, "recordings", "--data", data).stdoutText()).containsPattern(id + " .* alice +env PS1");
            PlayCli.Run badUser = PlayCli.ferry(tmp, "audit", "--user", "no--such", "--data", data);
            assertThat(badUser.exit()).isNotZero();
            assertThat(badUser.stderr()).contains("invalid user name 'no--such'");

            // The same over REST, by role: nobody without credentials, a viewer replays, only an admin reads the audit log.
            assertThat(get(relay, "/api/recordings", null, null).statusCode()).isEqualTo(401);
            HttpResponse<String> list = get(relay, "/api/recordings?user=alice", "Authorization", "Bearer " + daveApiKey);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("\"id\":\"" + id + "\"").contains("\"participants\":\"2 (web rw, ssh ro)\"")
                    .contains("\"host\":\"alice\"");
            assertThat(get(relay, "/api/recordings?user=bob", "Authorization", "Bearer " + daveApiKey).body()).isEqualTo("[]\n");
            HttpResponse<byte[]> cast = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(relay.webBase() + "/api/recordings/" + id + ".cast")).header("Cookie", bobCookie).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(cast.statusCode()).isEqualTo(200);
            assertThat(cast.body()).isEqualTo(Files.readAllBytes(tmp.resolve(id + ".cast")));
            assertThat(get(relay, "/api/audit?session=" + id, "Authorization", "Bearer " + daveApiKey).statusCode()).isEqualTo(403);
            assertThat(get(relay, "/api/audit?session=" + id, "Cookie", bobCookie).statusCode()).as("an operator").isEqualTo(403);
            HttpResponse<String> auditJson = get(relay, "/api/audit?session=" + id + "&user=dave", "Authorization", "Bearer " + adaKey);
            assertThat(auditJson.statusCode()).isEqualTo(200);
            assertThat(auditJson.body().split("\n")).hasSize(2).allMatch(l -> l.contains("\"user\":\"dave\""))
                    .anyMatch(l -> l.contains("\"kind\":\"join\"") && l.contains("\"transport\":\"ssh\""));
        }
    }

    @Test
    void kill9OfTheRelayLeavesARecordingThatTheRestartRepairsAndAsciinemaPlays() throws Exception {
        Path relayDir = tmp.resolve("relay");
        String id;
        try (RelayProcess relay = RelayProcess.start(relayDir);  // closed even when a step fails (no-op once killed)
             ShareProcess share = ShareProcess.start(tmp.resolve("share"), relay, List.of(), BASH);
             WsPeer web = WsPeer.connect(relay.ws("/ws/join/" + share.readWriteToken()))) {
            web.awaitText("$", WAIT);
            type(web, "echo before-$((1+1))\r");
            web.awaitText("before-2", WAIT);
            Thread.sleep(1500);  // older than a second: must survive
            relay.process().destroyForcibly();  // SIGKILL
            assertThat(relay.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            id = onlyRecordingId(relay);  // readable while no relay runs
        }
        try (RelayProcess restarted = RelayProcess.start(relayDir)) {
            String json = PlayCli.ferry(tmp, "recordings", "--json", "--data", restarted.dataDir().toString()).stdoutText();
            assertThat(json).contains("\"finished\":\"");
            Path cast = exported(restarted, id);
            assertThat(Files.readString(cast)).as("no graceful end was written: it really was a crash").doesNotContain("\"ended: ");
            byte[] played = asciinemaCat(cast);
            assertThat(new String(played, UTF_8)).contains("before-2");
            PlayCli.Run audit = PlayCli.ferry(tmp, "audit", "--session", id, "--data", restarted.dataDir().toString());
            assertThat(audit.stdoutText().strip()).endsWith("end    relay stopped unexpectedly");
        }
    }

    @Test
    void aLoggedInViewerReplaysFromTheRecordingsPageAndFromTheSessionPageInChromium() throws Exception {
        try (RelayProcess relay = RelayProcess.start(tmp.resolve("relay"));
             ShareProcess share = ShareProcess.start(tmp.resolve("share"), relay, List.of(), BASH);
             WsPeer host = WsPeer.connect(relay.ws("/ws/join/" + share.readWriteToken()))) {
            Accounts.add(relay, "vera", "viewer", VERA_PW);
            host.awaitText("$", WAIT);
            type(host, "printf 'replay-%s\\r\\n' me\r");
            host.awaitText("replay-me", WAIT);
            String page = "/t/" + share.readOnlyToken();

            // Only a caller who may replay learns the session's replay page.
            String cookie = Accounts.login(relay, "vera", VERA_PW);
            assertThat(get(relay, page, null, null).body()).doesNotContain("ferry-recording");
            assertThat(get(relay, page, "Cookie", cookie).body()).containsPattern("<meta name=\"ferry-recording\" content=\"/recordings/[0-9a-f-]{36}\">");

            BrowserDriver browser = new BrowserDriver()
                    .open("v", relay.webBase() + "/recordings")          // not logged in: the login form
                    .waitSelector("v", "#password")
                    .fill("v", "#name", "vera")
                    .fill("v", "#password", VERA_PW)
                    .click("v", "#submit")
                    .waitDomText("v", "#stats", "1 recording(s)")     // back on the list, logged in
                    .waitDomText("v", "#me", "vera")
                    .waitSelector("v", "a.replay-link")
                    .goTo("v", relay.webBase() + page)                 // the live session, watching
                    .waitText("v", "replay-me")
                    .waitSelector("v", "#replay-link")
                    .waitState("v", "ended")                           // the test ends the session once vera is in
                    .sleep(1000)                                       // the recorder closes the file
                    .click("v", "#replay-ended")
                    .waitSelector("v", ".ap-player")
                    .waitDomText("v", "#markers", "joined read-only via web from 127.0.0.1")
                    .waitSelector("v", ".ap-marker")
                    .waitDomText("v", ".ap-player", "done-5")
                    .screenshot("v", tmp.resolve("replay.png"));
            var result = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return browser.run(tmp, 150);
                } catch (Exception e) {
                    return new BrowserDriver.Result(-1, e.toString());
                }
            });
            // vera's browser joins (her notice reaches the other participant), then the session ends.
            Ferry.waitUntil(Duration.ofSeconds(90), "vera's browser to join", () -> result.isDone() || host.received().stream()
                    .anyMatch(m -> m instanceof Message.Notice n && n.text().contains("joined read-only via web")));
            type(host, "echo done-$((2+3)); sleep 0.5; exit\r");
            BrowserDriver.Result r = result.get(160, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(r.ok()).as(r.report()).isTrue();
            assertThat(r.report()).containsPattern("/recordings/[0-9a-f-]{36}");
        }
    }
}
