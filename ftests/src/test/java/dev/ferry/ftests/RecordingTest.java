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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings and the audit log of a real relay: played back by stock {@code asciinema cat}, checked
 * against what a participant received; a {@code kill -9} mid-session; a scripted two-person session's
 * audit log; the browser replay page in headless Chromium.
 */
class RecordingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String[] BASH = {"env", "PS1=$ ", "bash", "--norc", "--noprofile", "-i"};

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

    private static String fingerprint(Path publicKey) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-l", "-f", publicKey.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        p.waitFor();
        return out.split(" ")[1];
    }

    @Test
    void aTwoPersonSessionPlaysInStockAsciinemaAsTheWebParticipantSawItAndItsAuditLogIsExact() throws Exception {
        Path key = tmp.resolve("id_ed25519");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ftest", "-f", key.toString())
                .redirectErrorStream(true).start();
        assertThat(keygen.waitFor()).isZero();

        try (RelayProcess relay = RelayProcess.start(tmp.resolve("relay"));
             ShareProcess share = ShareProcess.start(tmp.resolve("share"), relay, List.of(), BASH)) {
            WsPeer web = WsPeer.connect(relay.ws("/ws/join/" + share.readWriteToken()));
            String sshLink = share.links().get("ssh session read only");
            Tmux ssh = new Tmux(80, 24, sshLink.replaceFirst("^ssh ", "ssh -tt -F /dev/null -o StrictHostKeyChecking=no "
                    + "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o IdentitiesOnly=yes -i " + key + " "));
            String typed1 = "echo hi-$((6*7))\r";
            String typed2 = "printf 'caf\\303\\251 \\342\\202\\254\\n'\r";
            try (web; ssh) {
                web.awaitText("$", WAIT);
                ssh.waitFor(WAIT, "the ssh joiner's prompt", s -> s.contains("$"));
                type(web, typed1);
                web.awaitText("hi-42", WAIT);
                ssh.waitForText("hi-42");
                type(web, typed2);
                web.awaitText("café €", WAIT);
                ssh.run("kill-server");  // the ssh joiner goes away: a leave
                Thread.sleep(500);
                type(web, "exit\r");
                web.awaitClosed(WAIT);
            }
            awaitFinished(relay);
            String id = onlyRecordingId(relay);

            // Stock asciinema plays the recording; its output ends with exactly what the participant got after its snapshot.
            byte[] seen = afterSnapshot(web);
            assertThat(new String(seen, UTF_8)).contains("hi-42").contains("café €");
            byte[] played = asciinemaCat(exported(relay, id));
            assertThat(new String(played, UTF_8)).endsWith(new String(seen, UTF_8));

            // The audit log, exactly (the input lines summed: they are per second).
            PlayCli.Run audit = PlayCli.ferry(tmp, "audit", "--session", id, "--data", relay.dataDir().toString());
            assertThat(audit.exit()).as(audit.stderr()).isZero();
            List<String> lines = new ArrayList<>();
            long typedBytes = 0;
            for (String line : audit.stdoutText().split("\n")) {
                String[] cols = line.split("  ", 3);
                assertThat(cols[1]).isEqualTo(id);
                if (cols[2].startsWith("input  #1 ")) {
                    typedBytes += Long.parseLong(cols[2].split(" ")[3]);
                } else {
                    lines.add(cols[2]);
                }
            }
            assertThat(lines).containsExactly(
                    "start  by 127.0.0.1 (read-write): env PS1=$  bash --norc --noprofile -i",
                    "join   #1 read-write via web from 127.0.0.1",
                    "join   #2 read-only via ssh from 127.0.0.1 key " + fingerprint(Path.of(key + ".pub")),
                    "leave  #2 read-only via ssh from 127.0.0.1 key " + fingerprint(Path.of(key + ".pub")),
                    "end    the host's command exited (status 0)");
            assertThat(typedBytes).isEqualTo((typed1 + typed2 + "exit\r").getBytes(UTF_8).length);

            // The same over REST, from the relay's own machine.
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(relay.webBase() + "/api/recordings")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("\"id\":\"" + id + "\"").contains("\"participants\":\"2 (web rw, ssh ro)\"");
            HttpResponse<byte[]> cast = http.send(HttpRequest.newBuilder(URI.create(relay.webBase() + "/api/recordings/" + id + ".cast"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(cast.statusCode()).isEqualTo(200);
            assertThat(cast.body()).isEqualTo(Files.readAllBytes(tmp.resolve(id + ".cast")));
            HttpResponse<String> auditJson = http.send(HttpRequest.newBuilder(URI.create(relay.webBase() + "/api/audit?session=" + id))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(auditJson.body()).contains("\"kind\":\"join\"").contains("\"transport\":\"ssh\"").contains("\"user\":null");
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
    void theBrowserReplayPageListsAndPlaysARecordingWithItsMarkers() throws Exception {
        try (RelayProcess relay = RelayProcess.start(tmp.resolve("relay"))) {
            try (ShareProcess share = ShareProcess.start(tmp.resolve("share"), relay, List.of(),
                    "sh", "-c", "sleep 1.5; printf 'replay-me\\r\\n'; sleep 0.5; echo done-$((2+3)); sleep 0.5");
                 WsPeer web = WsPeer.connect(relay.ws("/ws/join/" + share.readOnlyToken()))) {
                web.awaitText("done-5", WAIT);
                web.awaitClosed(WAIT);
            }
            awaitFinished(relay);
            String id = onlyRecordingId(relay);
            BrowserDriver.Result r = new BrowserDriver()
                    .open("list", relay.webBase() + "/recordings")
                    .waitDomText("list", "a.replay-link", "replay")
                    .click("list", "a.replay-link")
                    .waitSelector("list", ".ap-player")
                    .waitDomText("list", "#markers", "joined read-only via web from 127.0.0.1")
                    .waitSelector("list", ".ap-marker")
                    .waitPlayerTime("list", 1.0)
                    .waitDomText("list", ".ap-player", "done-5")
                    .screenshot("list", tmp.resolve("replay.png"))
                    .run(tmp, 90);
            assertThat(r.ok()).as(r.report()).isTrue();
            assertThat(r.report()).contains("/recordings/" + id);
        }
    }
}
