package dev.ferry.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class DeflatedFramesTest {
    private static final byte[] TEXT = "drwxr-xr-x  2 root root 4096 Dec  7 10:40 bin\r\n".repeat(200).getBytes(StandardCharsets.UTF_8);

    @Test
    void outputAndSnapshotsComeBackWholeAndSmaller() throws ProtocolException {
        for (Message m : new Message[] {new Message.Output(TEXT), new Message.Snapshot(120, 40, TEXT),
                new Message.PaneOutput(3, TEXT), new Message.PaneSnapshot(3, 80, 24, TEXT)}) {
            byte[] deflated = DeflatedFrames.deflate(Frames.encode(m));
            assertThat(deflated[0]).isEqualTo((byte) 16);
            assertThat(deflated.length).isLessThan(TEXT.length / 10);
            assertThat(Frames.decodeFromRelay(ByteBuffer.wrap(deflated))).isEqualTo(m);
        }
    }

    @Test
    void onlyParticipantsDecodeThem() throws ProtocolException {
        byte[] deflated = DeflatedFrames.deflate(Frames.encode(new Message.Output(TEXT)));
        // What the relay reads from hosts, participants and (inside data frames) agents.
        assertThatThrownBy(() -> Frames.decode(ByteBuffer.wrap(deflated))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("deflated frames go only from the relay to a participant");
        assertThat(Frames.decodeFromRelay(ByteBuffer.wrap(Frames.encodeToArray(new Message.Ping(7))))).isEqualTo(new Message.Ping(7));
    }

    @Test
    void framesNotWorthCompressingAreLeftAlone() {
        assertThat(DeflatedFrames.deflate(Frames.encode(new Message.Output("ls\r\n".getBytes())))).isNull();
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        assertThat(DeflatedFrames.deflate(Frames.encode(new Message.Output(noise)))).isNull();
    }

    @Test
    void aFrameThatInflatesPastTheLimitIsRefused() {
        byte[] bomb = deflated(new byte[Frames.MAX_FRAME + 1]);   // ~1 KiB on the wire
        assertThat(bomb.length).isLessThan(4096);
        assertThatThrownBy(() -> Frames.decodeFromRelay(ByteBuffer.wrap(bomb)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("inflates past the limit of 1048576 bytes");
    }

    @Test
    void onlyParticipantOutputFramesMayBeDeflated() {
        byte[] input = Frames.encodeToArray(new Message.Input(TEXT));
        assertThatThrownBy(() -> Frames.decodeFromRelay(ByteBuffer.wrap(deflated(input))))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("may not carry a frame of type 4");
        byte[] twice = DeflatedFrames.deflate(Frames.encode(new Message.Output(TEXT)));
        assertThatThrownBy(() -> Frames.decodeFromRelay(ByteBuffer.wrap(deflated(twice))))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("may not carry a frame of type 16");
    }

    @Test
    void aHostsDeflatedOutputOpensToItsOutputAndNothingElse() throws ProtocolException {
        byte[] fast = DeflatedFrames.deflateFast(Frames.encode(new Message.Output(TEXT)));
        assertThat(fast.length).isLessThan(TEXT.length / 10);
        assertThat(DeflatedFrames.isDeflated(ByteBuffer.wrap(fast))).isTrue();
        assertThat(DeflatedFrames.hostOutput(ByteBuffer.wrap(fast))).isEqualTo(new Message.Output(TEXT));
        assertThat(Frames.decodeFromRelay(ByteBuffer.wrap(fast))).as("what a participant reads").isEqualTo(new Message.Output(TEXT));

        byte[] snapshot = DeflatedFrames.deflateFast(Frames.encode(new Message.Snapshot(80, 24, TEXT)));
        assertThatThrownBy(() -> DeflatedFrames.hostOutput(ByteBuffer.wrap(snapshot))).isInstanceOf(ProtocolException.class)
                .hasMessage("a host's deflated frame may carry only an output frame");
        byte[] plain = Frames.encodeToArray(new Message.Output(TEXT));
        assertThat(DeflatedFrames.isDeflated(ByteBuffer.wrap(plain))).isFalse();
        assertThatThrownBy(() -> DeflatedFrames.hostOutput(ByteBuffer.wrap(plain))).isInstanceOf(ProtocolException.class);
        byte[] bomb = deflated(new byte[Frames.MAX_FRAME + 1]);
        assertThatThrownBy(() -> DeflatedFrames.hostOutput(ByteBuffer.wrap(bomb))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("inflates past the limit");
    }

    @Test
    void brokenDeflateDataIsMalformed() {
        byte[] good = DeflatedFrames.deflate(Frames.encode(new Message.Output(TEXT)));
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        assertThatThrownBy(() -> Frames.decodeFromRelay(ByteBuffer.wrap(truncated))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("truncated");
        byte[] trailing = Arrays.copyOf(good, good.length + 3);
        assertThatThrownBy(() -> Frames.decodeFromRelay(ByteBuffer.wrap(trailing))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("trailing bytes");
        byte[] garbage = {16, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3};
        assertThatThrownBy(() -> Frames.decodeFromRelay(ByteBuffer.wrap(garbage))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("not valid DEFLATE");
        assertThatThrownBy(() -> Frames.decodeFromRelay(ByteBuffer.wrap(deflated(new byte[0])))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("empty");
    }

    /** A deflated frame around any bytes, as a hostile relay could send. */
    private static byte[] deflated(byte[] inner) {
        Deflater d = new Deflater(9, true);
        d.setInput(inner);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(16);
        byte[] buf = new byte[8192];
        while (!d.finished()) out.write(buf, 0, d.deflate(buf));
        d.end();
        return out.toByteArray();
    }
}
