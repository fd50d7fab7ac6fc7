package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry share --headless} through a real relay, joined over WebSocket with the Ferry protocol. */
class ShareHeadlessTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final ClassRelay relay = new ClassRelay();

    @TempDir
    static Path tmp;

    private WsPeer join(String token) throws Exception {
        return WsPeer.connect(relay.get().ws("/ws/join/" + token));
    }

    @Test
    void printsTheLinksLikeTmate() throws Exception {
        try (ShareProcess share = relay.share(List.of(), "sleep", "30")) {
            var links = share.links();
            String rw = share.readWriteToken(), ro = share.readOnlyToken();
            assertThat(rw).matches("[a-z2-9]{26}");
            assertThat(ro).matches("ro-[a-z2-9]{26}");
            assertThat(links.get("web session")).isEqualTo(relay.get().webBase() + "/t/" + rw);
            assertThat(links.get("web session read only")).isEqualTo(relay.get().webBase() + "/t/" + ro);
            // The ssh lines exist exactly when the relay serves SSH (the ssh listener adds them).
            if (links.containsKey("ssh session") || links.containsKey("ssh session read only")) {
                assertThat(links.get("ssh session")).matches("ssh -p\\d+ " + rw + "@127\\.0\\.0\\.1");
                assertThat(links.get("ssh session read only")).matches("ssh -p\\d+ " + ro + "@127\\.0\\.0\\.1");
            }
        }
    }

    @Test
    void lateJoinerSeesTheScreenThenLiveOutputAndTypingEchoes() throws Exception {
        try (ShareProcess share = relay.share(List.of(), "sh", "-c", "echo ready-$((6*7)); exec cat")) {
            try (WsPeer first = join(share.readOnlyToken())) {
                first.awaitText("ready-42", WAIT);   // the output has reached the relay before the late joiners come
            }
            try (WsPeer rw = join(share.readWriteToken()); WsPeer ro = join(share.readOnlyToken())) {
                Message.SessionInfo info = rw.await(Message.SessionInfo.class, WAIT);
                assertThat(info.readOnly()).isFalse();
                assertThat(info.rwToken()).isEqualTo(share.readWriteToken());
                Message.Snapshot snap = rw.await(Message.Snapshot.class, WAIT);
                assertThat(new String(snap.data())).contains("ready-42");
                assertThat(rw.received().indexOf(info)).isLessThan(rw.received().indexOf(snap));

                rw.send(new Message.Input("typed-by-rw\r".getBytes()));
                rw.awaitText("typed-by-rw", WAIT);
                ro.awaitText("typed-by-rw", WAIT);
                Ferry.waitUntil(WAIT, "join notices on the host's stderr", () ->
                        share.stderr().contains("joined read-write via web from 127.0.0.1")
                                && share.stderr().contains("joined read-only via web from 127.0.0.1"));
            }
        }
    }

    @Test
    void bulkOutputReachesALoneParticipantAsTheHostDeflatedIt() throws Exception {
        try (ShareProcess share = relay.share(List.of(), "sh", "-c", "read go; seq 1 30000; echo done-$((6*7)); exec cat");
                WsPeer p = WsPeer.connect(relay.get().ws("/ws/join/" + share.readWriteToken() + "?deflated=1"))) {
            p.await(Message.Snapshot.class, WAIT);
            p.send(new Message.Input("go\r".getBytes()));
            p.awaitText("done-42", WAIT);
            assertThat(p.terminalText()).contains("29999\r\n30000\r\n");
            assertThat(p.negotiatedExtensions()).doesNotContain("permessage-deflate");
            int outputs = 0;   // output frames that came deflated: ferry share's own, passed on
            for (String hex : p.deflatedFrames()) {
                if (dev.ferry.protocol.Frames.decodeFromRelay(java.nio.ByteBuffer.wrap(java.util.HexFormat.of().parseHex(hex)))
                        instanceof Message.Output) outputs++;
            }
            assertThat(outputs).isGreaterThan(0);
        }
    }

    @Test
    void readOnlyInputIsIgnored() throws Exception {
        try (ShareProcess share = relay.share(List.of(), "cat");
             WsPeer rw = join(share.readWriteToken()); WsPeer ro = join(share.readOnlyToken())) {
            Message.SessionInfo roInfo = ro.await(Message.SessionInfo.class, WAIT);
            assertThat(roInfo.readOnly()).isTrue();
            assertThat(roInfo.rwToken()).as("a read-only viewer never learns the read-write token").isEmpty();
            ro.await(Message.Snapshot.class, WAIT);
            // A hand-made input frame: type 4, then the bytes.
            ro.sendRaw(new byte[] {4, 'r', 'o', '-', 't', 'y', 'p', 'e', 'd', '\r'});
            ro.send(new Message.Resize(20, 5));
            Thread.sleep(500);
            rw.send(new Message.Input("rw-typed\r".getBytes()));
            rw.awaitText("rw-typed", WAIT);
            ro.awaitText("rw-typed", WAIT);
            assertThat(rw.terminalText()).doesNotContain("ro-typed");
            assertThat(ro.terminalText()).doesNotContain("ro-typed");
            assertThat(ro.isOpen()).isTrue();
        }
    }

    @Test
    void hostExitEndsEveryParticipantWithTheReasonAndKillsTheTokens() throws Exception {
        try (ShareProcess share = relay.share(List.of(), "sh", "-c", "read line; exit 3");
             WsPeer rw = join(share.readWriteToken()); WsPeer ro = join(share.readOnlyToken())) {
            rw.await(Message.Snapshot.class, WAIT);
            ro.await(Message.Snapshot.class, WAIT);
            rw.send(new Message.Input("\r".getBytes()));
            String reason = "session ended: the host's command exited (status 3)";
            assertThat(rw.await(Message.Close.class, WAIT).reason()).isEqualTo(reason);
            assertThat(ro.await(Message.Close.class, WAIT).reason()).isEqualTo(reason);
            assertThat(rw.awaitClosed(WAIT)).isEqualTo(1000);
            assertThat(ro.awaitClosed(WAIT)).isEqualTo(1000);
            assertThat(share.waitFor(WAIT)).isEqualTo(3);
            try (WsPeer late = join(share.readOnlyToken())) {
                assertThat(late.await(Message.Close.class, WAIT).reason()).isEqualTo("Invalid or expired session token");
            }
        }
    }

    @Test
    void aBadTokenGetsTheErrorAndAClosedConnection() throws Exception {
        try (WsPeer bad = join("nosuchtokennosuchtokenxxxx")) {
            assertThat(bad.await(Message.Close.class, WAIT).reason()).isEqualTo("Invalid or expired session token");
            assertThat(bad.awaitClosed(WAIT)).isEqualTo(1008);
            assertThat(bad.received()).hasSize(1);
        }
    }

    @Test
    void readOnlyShareHasNoReadWriteLinkAtAll() throws Exception {
        try (ShareProcess share = relay.share(List.of("--read-only"), "cat")) {
            assertThat(share.links()).doesNotContainKeys("web session", "ssh session").containsKey("web session read only");
            assertThat(share.stdout()).doesNotContain("web session: ");
            try (WsPeer ro = join(share.readOnlyToken())) {
                assertThat(ro.await(Message.SessionInfo.class, WAIT).rwToken()).isEmpty();
                ro.send(new Message.Input("nope\r".getBytes()));
                Thread.sleep(300);
                assertThat(ro.terminalText()).doesNotContain("nope");
            }
        }
    }

    @Test
    void sigtermOnTheHostEndsTheSessionCleanly() throws Exception {
        try (ShareProcess share = relay.share(List.of(), "sleep", "60"); WsPeer ro = join(share.readOnlyToken())) {
            ro.await(Message.Snapshot.class, WAIT);
            share.stop();
            assertThat(ro.await(Message.Close.class, WAIT).reason()).isEqualTo("session ended: the host stopped sharing");
        }
    }

    @Test
    void theCommandsTerminalQueriesAreAnsweredWithNoTerminalAttached() throws Exception {
        // What vim does at start: ask where the cursor is and wait for the answer.
        Path answer = tmp.resolve("cursor-answer");
        String script = "stty raw -echo; printf 'abc\\033[6n'; IFS= read -r -d R -t 10 a; stty sane; "
                + "printf '%s' \"${a#*[}\" > " + answer + "; exec sleep 30";
        try (ShareProcess share = relay.share(List.of(), "bash", "-c", script)) {
            Ferry.waitUntil(WAIT, "the command's record of the answer", () -> java.nio.file.Files.exists(answer)
                    && !Ferry.read(answer).isEmpty());
            assertThat(Ferry.read(answer)).isEqualTo("1;4");
        }
    }
}
