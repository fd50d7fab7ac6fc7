package dev.ferry.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramesTest {

    private static Message roundTrip(Message m) throws ProtocolException {
        return Frames.decode(Frames.encode(m));
    }

    @Test
    void everyFrameTypeSurvivesARoundTrip() throws ProtocolException {
        List<Message> all = List.of(
                new Message.Hello(1, true, 120, 40, "bash -l ü"),
                new Message.SessionInfo(false, "rwtok", "ro-tok", "relay.example", 2222, "http://relay.example:8080"),
                new Message.Output(new byte[] {0, 1, (byte) 0xff, 27}),
                new Message.Output(new byte[0]),
                new Message.Input("ls\r".getBytes()),
                new Message.Resize(1000, 1),
                new Message.Snapshot(80, 24, "\033[2Jhello".getBytes()),
                new Message.Notice("joined read-only via ssh from 127.0.0.1"),
                new Message.Close("session ended: the host's command exited (status 0)"),
                new Message.Ping(Long.MIN_VALUE),
                new Message.Pong(42));
        for (Message m : all) {
            assertThat(roundTrip(m)).isEqualTo(m);
        }
    }

    @Test
    void layoutIsBigEndianAsDocumented() {
        assertThat(HexFormat.of().formatHex(Frames.encodeToArray(new Message.Resize(120, 40)))).isEqualTo("0500780028");
        assertThat(HexFormat.of().formatHex(Frames.encodeToArray(new Message.Notice("hi")))).isEqualTo("0700026869");
        assertThat(HexFormat.of().formatHex(Frames.encodeToArray(new Message.Hello(1, false, 80, 24, "sh"))))
                .isEqualTo("01000100005000180002" + "7368");
    }

    @Test
    void maximumPayloadFitsAndOneMoreByteIsRefused() throws ProtocolException {
        byte[] max = new byte[Frames.MAX_PAYLOAD];
        assertThat(roundTrip(new Message.Output(max))).isEqualTo(new Message.Output(max));
        assertThatThrownBy(() -> Frames.encode(new Message.Output(new byte[Frames.MAX_PAYLOAD + 1])))
                .isInstanceOf(IllegalArgumentException.class);
        ByteBuffer tooBig = ByteBuffer.allocate(Frames.MAX_FRAME + 1).put(0, (byte) 3);
        assertThatThrownBy(() -> Frames.decode(tooBig)).isInstanceOf(ProtocolException.class).hasMessageContaining("exceeds");
    }

    @Test
    void malformedFramesAreRejectedWithAClearMessage() {
        assertMalformed("", "empty frame");
        assertMalformed("63", "unknown frame type 99");
        assertMalformed("00", "unknown frame type 0");
        assertMalformed("0500", "truncated");
        assertMalformed("050050001801", "trailing");
        assertMalformed("0500000018", "outside");        // 0 columns
        assertMalformed("0503e90018", "outside");        // 1001 columns
        assertMalformed("070005616263", "truncated");    // string longer than the frame
        assertMalformed("0700026880", "UTF-8");          // invalid UTF-8
        assertMalformed("0100010200500018000273", "flag"); // flag byte 2
        assertMalformed("09000000", "truncated");
        assertMalformed("060050", "truncated");
    }

    private static void assertMalformed(String hex, String message) {
        ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex(hex));
        assertThatThrownBy(() -> Frames.decode(b)).isInstanceOf(ProtocolException.class).hasMessageContaining(message);
    }

    @Test
    void sizesOutOfRangeCannotBeEncoded() {
        assertThatThrownBy(() -> new Message.Resize(0, 24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Message.Snapshot(80, 1001, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outputFromPartsDecodesAsTheirConcatenation() throws Exception {
        var frame = Frames.encodeOutput(List.of("ab".getBytes(), new byte[0], "cde".getBytes()));
        assertThat(Frames.decode(frame)).isEqualTo(new Message.Output("abcde".getBytes()));
        assertThatThrownBy(() -> Frames.encodeOutput(List.of(new byte[Frames.MAX_PAYLOAD], new byte[1])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostOptionsRoundTripAndNeverPrintTheKey() throws ProtocolException {
        var o = new Message.HostOptions("fk_secret", "demo", "demo-view", "bob,carol", "ssh-ed25519 AAAA x\nssh-rsa BBBB y\n");
        assertThat(roundTrip(o)).isEqualTo(o);
        assertThat(roundTrip(Message.HostOptions.NONE)).isEqualTo(Message.HostOptions.NONE);
        assertThat(o.toString()).doesNotContain("fk_secret").contains("demo");
        byte[] frame = Frames.encodeToArray(o);
        assertThat(frame[0]).isEqualTo((byte) 11);
        // Invalid UTF-8 in the keys text (the rest of the frame) is malformed.
        byte[] bad = java.util.Arrays.copyOf(frame, frame.length + 1);
        bad[bad.length - 1] = (byte) 0xff;
        assertThatThrownBy(() -> Frames.decode(ByteBuffer.wrap(bad)))
                .isInstanceOf(ProtocolException.class);
    }
}
