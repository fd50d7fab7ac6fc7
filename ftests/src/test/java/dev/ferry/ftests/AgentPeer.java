package dev.ferry.ftests;

import dev.ferry.protocol.AgentFrames;
import dev.ferry.protocol.AgentMessage;
import dev.ferry.protocol.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;

/** A hand-driven agent on {@code /ws/agent} (for bad-input tests): sends raw bytes, records decoded frames. */
public final class AgentPeer extends FramePeer<AgentMessage> {
    private AgentPeer() {}

    public static AgentPeer connect(URI uri) throws Exception {
        AgentPeer p = new AgentPeer();
        p.open(uri, 8 << 20, false, Map.of());
        return p;
    }

    public void send(AgentMessage m) throws Exception {
        ByteBuffer b = AgentFrames.encode(m);
        byte[] a = new byte[b.remaining()];
        b.get(a);
        sendRaw(a);
    }

    @Override
    AgentMessage decode(ByteBuffer payload) throws ProtocolException {
        return AgentFrames.decode(payload);
    }

    @Override
    AgentMessage undecodable(String why) {
        return new AgentMessage.Error(why);
    }
}
