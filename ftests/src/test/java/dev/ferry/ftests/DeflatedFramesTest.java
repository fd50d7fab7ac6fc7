package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.DeflatedFrames;
import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deflated frames: in a session that already has four participants, one that reads them gets each
 * chunk of output compressed once by the relay for all such participants, instead of permessage-deflate;
 * a host that deflates its own output has its frames passed on as they came, even to one participant.
 */
class DeflatedFramesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int DEFLATED = 16;
    private static final int LAST_LISTING = 13;

    @RegisterExtension static final ClassRelay relay = new ClassRelay();
    @TempDir static Path tmp;

    private static WsPeer host() throws Exception {
        WsPeer host = WsPeer.connect(relay.get().ws("/ws/host"));
        host.send(new Message.Hello(Frames.VERSION, false, 100, 30, "listing"));
        host.await(Message.SessionInfo.class, WAIT);
        return host;
    }

    private static WsPeer join(String token, String query) throws Exception {
        WsPeer p = WsPeer.connect(relay.get().ws("/ws/join/" + token + query));
        p.await(Message.Snapshot.class, WAIT);
        return p;
    }

    /** Four participants that read deflated frames but joined too early to get them: the session is now crowded. */
    private static void crowd(String token, List<WsPeer> into) throws Exception {
        for (int i = 0; i < 4; i++) into.add(join(token, "?deflated=1"));
    }

    /** About 8 KiB of `ls -l`-like lines, different each time. */
    private static byte[] listing(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 8000; i++) {
            b.append("-rw-r--r-- 1 root root ").append(1000 + n * 97 + i).append(" Dec  7 10:4").append(i % 10)
                    .append(" file-").append(n).append('-').append(i).append(".txt\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCrowdedSessionSendsEachChunkCompressedOnceAndEveryoneSeesTheSameBytes() throws Exception {
        List<WsPeer> early = new ArrayList<>();
        try (WsPeer host = host()) {
            String token = host.await(Message.SessionInfo.class, WAIT).roToken();
            crowd(token, early);
            try (WsPeer crowded = join(token, "?deflated=1"); WsPeer plain = join(token, "")) {
                assertThat(early.get(0).negotiatedExtensions()).contains("permessage-deflate");
                assertThat(crowded.negotiatedExtensions()).doesNotContain("permessage-deflate");
                assertThat(plain.negotiatedExtensions()).contains("permessage-deflate");

                long raw = 0;
                for (int n = 0; n < 40; n++) {
                    byte[] chunk = listing(n);
                    raw += chunk.length;
                    host.send(new Message.Output(chunk));
                }
                host.send(new Message.Output("end-of-listing\r\n".getBytes()));
                for (WsPeer p : List.of(early.get(0), crowded, plain)) p.awaitText("end-of-listing", WAIT);

                assertThat(crowded.terminalText()).isEqualTo(early.get(0).terminalText()).isEqualTo(plain.terminalText());
                assertThat(crowded.wireTypes()).contains(DEFLATED);
                assertThat(early.get(0).wireTypes()).doesNotContain(DEFLATED);
                assertThat(plain.wireTypes()).doesNotContain(DEFLATED);
                // No permessage-deflate here: what arrived is what crossed the wire.
                assertThat(crowded.wireBytes()).as("bytes on the wire for %d raw", raw).isLessThan(raw / 4);

                // They go one way only: the relay refuses one, and keeps the session going.
                plain.sendRaw(DeflatedFrames.deflate(Frames.encode(new Message.Output(listing(99)))));
                assertThat(plain.await(Message.Close.class, WAIT).reason())
                        .isEqualTo("protocol error: deflated frames go only from the relay to a participant that asked for them");
                host.send(new Message.Output("still-going\r\n".getBytes()));
                crowded.awaitText("still-going", WAIT);
            }
        } finally {
            early.forEach(WsPeer::close);
        }
    }

    @Test
    void aHostThatDeflatesItsOutputHasItsFramesPassedOnAsTheyCameEvenToALoneParticipant() throws Exception {
        try (WsPeer host = WsPeer.connect(relay.get().ws("/ws/host"), Map.of("Sec-WebSocket-Protocol", Frames.DEFLATED_OUTPUT_PROTOCOL))) {
            assertThat(host.acceptedSubProtocol()).isEqualTo(Frames.DEFLATED_OUTPUT_PROTOCOL);
            assertThat(host.negotiatedExtensions()).as("nothing left for permessage-deflate").isEmpty();
            host.send(new Message.Hello(Frames.VERSION, false, 100, 30, "listing"));
            String token = host.await(Message.SessionInfo.class, WAIT).roToken();
            try (WsPeer alone = join(token, "?deflated=1"); WsPeer plain = join(token, "")) {
                assertThat(alone.negotiatedExtensions()).doesNotContain("permessage-deflate");
                assertThat(plain.negotiatedExtensions()).contains("permessage-deflate");

                List<String> sent = new ArrayList<>();
                for (int n = 0; n < 10; n++) {
                    byte[] frame = DeflatedFrames.deflateFast(Frames.encode(new Message.Output(listing(n))));
                    sent.add(HexFormat.of().formatHex(frame));
                    host.sendRaw(frame);
                }
                host.send(new Message.Output("end-of-listing\r\n".getBytes()));   // plain output still goes too
                for (WsPeer p : List.of(alone, plain)) p.awaitText("end-of-listing", WAIT);

                assertThat(alone.terminalText()).isEqualTo(plain.terminalText()).contains("file-9-");
                assertThat(alone.deflatedFrames()).containsSubsequence(sent);
                assertThat(plain.wireTypes()).doesNotContain(DEFLATED);
                // The screen model was fed the inflated output: a later joiner's snapshot shows it. The join path
                // takes no subprotocol; a client that offers one anyway still connects, as ferry share does on
                // an older relay (which then gets plain frames).
                try (WsPeer late = WsPeer.connect(relay.get().ws("/ws/join/" + token),
                        Map.of("Sec-WebSocket-Protocol", Frames.DEFLATED_OUTPUT_PROTOCOL))) {
                    assertThat(late.acceptedSubProtocol()).isNull();
                    assertThat(new String(late.await(Message.Snapshot.class, WAIT).data(), StandardCharsets.UTF_8))
                            .contains("file-9-").contains("end-of-listing");
                }

                // A host deflates its output and nothing else.
                host.sendRaw(DeflatedFrames.deflateFast(Frames.encode(new Message.Snapshot(100, 30, listing(10)))));
                assertThat(host.await(Message.Close.class, WAIT).reason())
                        .isEqualTo("protocol error: a host's deflated frame may carry only an output frame");
                alone.await(Message.Close.class, m -> m.reason().startsWith("session ended"), WAIT);
            }
        }
    }

    @Test
    void theBrowserPageReadsDeflatedFrames() throws Exception {
        List<WsPeer> early = new ArrayList<>();
        try (WsPeer host = host()) {
            String token = host.await(Message.SessionInfo.class, WAIT).roToken();
            crowd(token, early);
            host.send(new Message.Output(listing(1)));
            // Once the page is seated (the host hears of a fifth participant), live output follows, spread
            // over three seconds: output that comes before the seat's first drain is folded into its
            // snapshot (as it should be), so a burst right after the notice could all arrive as one frame.
            Thread live = Thread.ofVirtual().start(() -> {
                try {
                    Ferry.waitUntil(Duration.ofSeconds(40), "the page joining", () -> host.received().stream()
                            .filter(m -> m instanceof Message.Notice n && n.text().contains("joined")).count() >= 5);
                    for (int n = 2; n <= LAST_LISTING; n++) {
                        host.send(new Message.Output(listing(n)));
                        Thread.sleep(250);
                    }
                    // The end right behind deflated output: the page shows the host's reason, not a lost connection.
                    host.send(new Message.Close("the listing is done"));
                } catch (Exception | AssertionError e) {
                    // the driver's wait below fails and says so
                }
            });
            BrowserDriver.Result r = new BrowserDriver()
                    .open("page", relay.get().webBase() + "/t/" + token)
                    .waitReason("page", "the listing is done")   // not "live" first: the end may come before a look
                    .waitText("page", "file-" + LAST_LISTING + "-")   // the last listing, live
                    .expectReceivedAtLeast("page", DEFLATED, 2)   // its snapshot and the live listing
                    .run(tmp, 60);
            live.join();
            assertThat(r.ok()).as("browser driver report: %s", r.report()).isTrue();
        } finally {
            early.forEach(WsPeer::close);
        }
    }
}
