package dev.ferry.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentFramesTest {
    @Test
    void everyFrameRoundTrips() throws Exception {
        List<AgentMessage> all = List.of(
                new AgentMessage.Hello(1, "fd_secret", "0.1.0", "Linux 6.1 amd64", "box", new AgentMessage.Limits(16, 4, 600, 0, 60)),
                new AgentMessage.Welcome("kiosk-1", 20),
                new AgentMessage.Open(7, "alice", 80, 24),
                new AgentMessage.Opened(7, 120, 40),
                new AgentMessage.End(7, "idle for 600 s"),
                new AgentMessage.Data(7, new Message.Input("ls\r".getBytes())),
                new AgentMessage.Data(7, new Message.Resize(100, 30)),
                new AgentMessage.Error("unknown shell 9"),
                new AgentMessage.Ping(42),
                new AgentMessage.Pong(42));
        for (AgentMessage m : all) {
            assertEquals(m, AgentFrames.decode(AgentFrames.encode(m)));
        }
    }

    @Test
    void dataCarriesAnOrdinaryFerryFrameAfterTheShellId() {
        ByteBuffer b = AgentFrames.encode(new AgentMessage.Data(1, new Message.Resize(120, 40)));
        byte[] a = new byte[b.remaining()];
        b.get(a);
        assertEquals("25000000010500780028", java.util.HexFormat.of().formatHex(a));
    }

    @Test
    void malformedFramesAreRefusedWithOneLine() {
        assertTrue(assertThrows(ProtocolException.class, () -> AgentFrames.decode(ByteBuffer.wrap(new byte[] {99})))
                .getMessage().contains("unknown agent frame type 99"));
        assertThrows(ProtocolException.class, () -> AgentFrames.decode(ByteBuffer.wrap(new byte[] {36, 0, 0})));
        assertThrows(ProtocolException.class, () -> AgentFrames.decode(ByteBuffer.wrap(new byte[] {37, 0, 0, 0, 1})));
        assertThrows(ProtocolException.class, () -> AgentFrames.decode(ByteBuffer.wrap(new byte[] {39, 0, 0, 0, 0, 0, 0, 0, 0, 1})));
        assertThrows(ProtocolException.class, () -> AgentFrames.decode(ByteBuffer.allocate(AgentFrames.MAX_FRAME + 1)));
        // limits below 1 shell
        AgentMessage.Hello h = new AgentMessage.Hello(1, "t", "v", "o", "h", new AgentMessage.Limits(1, 1, 0, 0, 0));
        ByteBuffer enc = AgentFrames.encode(h);
        enc.putInt(enc.limit() - 20, 0);
        assertThrows(ProtocolException.class, () -> AgentFrames.decode(enc));
    }
}
