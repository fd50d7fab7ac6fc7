package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay's web transport with protocol peers written here: a host, participants, a stalled raw socket. */
class RelayWebTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    private static WsPeer host(RelayProcess relay) throws Exception {
        WsPeer host = WsPeer.connect(relay.ws("/ws/host"));
        host.send(new Message.Hello(Frames.VERSION, false, 80, 24, "test-host"));
        host.await(Message.SessionInfo.class, WAIT);
        return host;
    }

    private static Message.SessionInfo info(WsPeer host) {
        return host.await(Message.SessionInfo.class, WAIT);
    }

    private static WsPeer join(RelayProcess relay, String token) throws Exception {
        WsPeer p = WsPeer.connect(relay.ws("/ws/join/" + token));
        p.await(Message.Snapshot.class, WAIT);
        return p;
    }

    @Test
    void readOnlyInputFramesNeverReachTheHost() throws Exception {
        try (RelayProcess relay = RelayProcess.start(tmp); WsPeer host = host(relay);
             WsPeer ro = join(relay, info(host).roToken()); WsPeer rw = join(relay, info(host).rwToken())) {
            assertThat(ro.negotiatedExtensions()).contains("permessage-deflate");
            assertThat(host.negotiatedExtensions()).contains("permessage-deflate");
            ro.sendRaw(new byte[] {4, 'x', 'y'});
            ro.send(new Message.Input("rm -rf ~\r".getBytes()));
            rw.send(new Message.Input("ok".getBytes()));
            Message.Input got = host.await(Message.Input.class, WAIT);
            assertThat(new String(got.data())).isEqualTo("ok");
            Thread.sleep(300);
            assertThat(host.received().stream().filter(m -> m instanceof Message.Input)).hasSize(1);
        }
    }

    @Test
    void theHostsReasonReachesParticipantsWithoutControlCharacters() throws Exception {
        try (RelayProcess relay = RelayProcess.start(tmp); WsPeer host = host(relay); WsPeer p = join(relay, info(host).roToken())) {
            host.send(new Message.Close("done\033[2J\033]0;pwned\007 here"));
            assertThat(p.await(Message.Close.class, WAIT).reason()).isEqualTo("session ended: done [2J ]0;pwned  here");
            assertThat(host.await(Message.Close.class, WAIT).reason()).isEqualTo("done [2J ]0;pwned  here");
        }
    }

    @Test
    void aMalformedFrameClosesThatPeerOnly() throws Exception {
        try (RelayProcess relay = RelayProcess.start(tmp); WsPeer host = host(relay);
             WsPeer bad = join(relay, info(host).roToken()); WsPeer good = join(relay, info(host).roToken())) {
            bad.sendRaw(new byte[] {99, 1, 2});
            assertThat(bad.await(Message.Close.class, WAIT).reason()).isEqualTo("protocol error: unknown frame type 99");
            assertThat(bad.awaitClosed(WAIT)).isEqualTo(1002);
            good.sendRaw(new byte[] {5, 0});  // a truncated resize from a second peer
            assertThat(good.awaitClosed(WAIT)).isEqualTo(1002);

            try (WsPeer third = join(relay, info(host).roToken())) {
                host.send(new Message.Output("still-alive".getBytes()));
                third.awaitText("still-alive", WAIT);
            }
            host.sendRaw(new byte[] {3});  // an empty output frame is fine
            host.send(new Message.Output("host-ok".getBytes()));
            assertThat(host.isOpen()).isTrue();
            assertThat(relay.process().isAlive()).isTrue();
        }
    }

    @Test
    void aStalledParticipantNeverDelaysTheHostOrOthersAndIsResynchronisedFromASnapshot() throws Exception {
        try (RelayProcess relay = RelayProcess.start(tmp, Map.of("FERRY_QUEUE_BYTES", "65536", "FERRY_STALL_TIMEOUT", "60"));
             WsPeer host = host(relay)) {
            Message.SessionInfo info = info(host);
            try (RawWebSocket stalled = new RawWebSocket(relay.ws("/ws/join/" + info.roToken()));
                 WsPeer live = join(relay, info.roToken())) {
                assertThat(stalled.next()).isInstanceOf(Message.SessionInfo.class);
                assertThat(stalled.next()).isInstanceOf(Message.Snapshot.class);
                // From here on the stalled participant reads nothing while the host writes 16 MB.
                byte[] chunk = ("x".repeat(78) + "\r\n").repeat(400).getBytes(StandardCharsets.US_ASCII);
                int chunks = 16 * 1024 * 1024 / chunk.length;
                long start = System.nanoTime();
                for (int i = 0; i < chunks; i++) {
                    host.send(new Message.Output(chunk));
                }
                host.send(new Message.Output("\r\nEND-OF-FLOOD\r\n".getBytes()));
                long hostMillis = (System.nanoTime() - start) / 1_000_000;
                live.awaitText("END-OF-FLOOD", WAIT);
                long liveMillis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("16 MB: host wrote it in %d ms, the live participant had all of it after %d ms%n", hostMillis, liveMillis);

                // The stalled one resumes: its backlog was dropped, a fresh snapshot comes, then live output.
                boolean resynced = false;
                long bytesAfterJoin = 0;
                for (Message m; (m = stalled.next()) != null; ) {
                    if (m instanceof Message.Output o) bytesAfterJoin += o.data().length;
                    if (m instanceof Message.Snapshot s) {
                        resynced = true;
                        if (new String(s.data(), StandardCharsets.US_ASCII).contains("END-OF-FLOOD")) break;
                    }
                }
                assertThat(resynced).as("a fresh snapshot after the dropped backlog").isTrue();
                assertThat(bytesAfterJoin).as("it did not get the whole flood").isLessThan(chunks * (long) chunk.length);
                host.send(new Message.Output("after-resync".getBytes()));
                Message m;
                while ((m = stalled.next()) != null && !(m instanceof Message.Output o && new String(o.data()).contains("after-resync"))) { }
                assertThat(m).as("live output follows the snapshot").isNotNull();
            }
        }
    }

    private static boolean left(WsPeer host) {
        return host.received().stream().anyMatch(m -> m instanceof Message.Notice n && n.text().equals("left: read-only via web from 127.0.0.1"));
    }

    @Test
    void aParticipantStalledPastTheTimeoutIsDisconnected() throws Exception {
        try (RelayProcess relay = RelayProcess.start(tmp, Map.of("FERRY_QUEUE_BYTES", "65536", "FERRY_STALL_TIMEOUT", "2"));
             WsPeer host = host(relay)) {
            Message.SessionInfo info = info(host);
            try (RawWebSocket stalled = new RawWebSocket(relay.ws("/ws/join/" + info.roToken()))) {
                // Output keeps coming (as from a busy shell) until the relay gives up on the reader that stopped.
                byte[] chunk = ("y".repeat(78) + "\r\n").repeat(400).getBytes(StandardCharsets.US_ASCII);
                long deadline = System.nanoTime() + 40_000_000_000L;
                while (!left(host) && System.nanoTime() < deadline) {
                    host.send(new Message.Output(chunk));
                    Thread.sleep(5);
                }
                assertThat(left(host)).as("the host was told the stalled participant left").isTrue();
                Ferry.waitUntil(WAIT, "the stalled participant's connection closed", stalled::isClosedByPeer);
            }
        }
    }

    @Test
    void aHostThatAsksKeepsNoCompressionContextAndTheRelaySendsHostsPlainFrames() throws Exception {
        try (RelayProcess relay = RelayProcess.start(tmp)) {
            // ferry share's offer: each message compressed on its own (here by hand, on a bare socket)
            try (RawWebSocket raw = new RawWebSocket(relay.ws("/ws/host"),
                    "Sec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover\r\n")) {
                assertThat(raw.handshake()).contains("client_no_context_takeover").contains("server_no_context_takeover");
                raw.sendCompressed(Frames.encodeToArray(new Message.Hello(Frames.VERSION, false, 80, 24, "raw-host")));
                RawWebSocket.RawFrame first = raw.nextFrame();
                assertThat(first.compressed()).isFalse();   // what the relay sends a host goes plain
                Message.SessionInfo info = (Message.SessionInfo) Frames.decode(ByteBuffer.wrap(first.payload()));
                try (WsPeer rw = join(relay, info.rwToken())) {
                    String all = sendLines(m -> raw.sendCompressed(Frames.encodeToArray(m)));
                    rw.awaitText("the-end", WAIT);
                    assertThat(rw.terminalText()).contains(all);

                    rw.send(new Message.Input("typed".getBytes(StandardCharsets.US_ASCII)));
                    RawWebSocket.RawFrame f;
                    Message m = null;
                    do {
                        f = raw.nextFrame();
                        assertThat(f.compressed()).isFalse();
                        if (f.opcode() == 2) m = Frames.decode(ByteBuffer.wrap(f.payload()));
                    } while (!(m instanceof Message.Input));
                    assertThat(((Message.Input) m).data()).isEqualTo("typed".getBytes(StandardCharsets.US_ASCII));
                }
                // a participant that asks the relay to keep no context still gets its output compressed
                try (RawWebSocket viewer = new RawWebSocket(relay.ws("/ws/join/" + info.roToken()),
                        "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover\r\n")) {
                    assertThat(viewer.handshake()).contains("server_no_context_takeover");
                    RawWebSocket.RawFrame snapshot = viewer.nextFrame();
                    assertThat(snapshot.opcode()).isEqualTo(2);
                    assertThat(snapshot.compressed()).isTrue();
                }
            }
            // a stock offer keeps its context for what it sends (the relay's inflater keeps up)
            try (WsPeer host = WsPeer.connect(relay.ws("/ws/host"))) {
                host.send(new Message.Hello(Frames.VERSION, false, 80, 24, "test-host"));
                assertThat(host.negotiatedExtensionHeader()).contains("server_no_context_takeover")
                        .doesNotContain("client_no_context_takeover");
                try (WsPeer p = join(relay, info(host).roToken())) {
                    assertThat(p.negotiatedExtensionHeader()).contains("permessage-deflate").doesNotContain("context_takeover");
                    String all = sendLines(host::send);
                    p.awaitText("the-end", WAIT);
                    assertThat(p.terminalText()).contains(all);
                    assertThat(host.isOpen()).isTrue();
                }
            }
        }
    }

    private interface Sender {
        void send(Message m) throws Exception;
    }

    /** Fifty compressible output messages, then "the-end"; returns the fifty as text. */
    private static String sendLines(Sender host) throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            String line = "line " + i + " " + "-rw-r--r-- 1 user staff 4096 Nov 22 file.txt ".repeat(20) + "\r\n";
            host.send(new Message.Output(line.getBytes(StandardCharsets.US_ASCII)));
            all.append(line);
        }
        host.send(new Message.Output("the-end".getBytes(StandardCharsets.US_ASCII)));
        return all.toString();
    }
}
