package dev.ferry.ftests;

import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import dev.ferry.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Ferry protocol peer over a real WebSocket (Jetty client, permessage-deflate offered): a
 * participant on {@code /ws/join/TOKEN} or a host on {@code /ws/host}. Records every frame received.
 */
public final class WsPeer extends FramePeer<Message> {
    private final List<Integer> wireTypes = new CopyOnWriteArrayList<>();
    private final AtomicLong wireBytes = new AtomicLong();
    private final List<String> deflatedFrames = new CopyOnWriteArrayList<>();

    private WsPeer() {}

    public static WsPeer connect(URI uri) throws Exception {
        return connect(uri, Map.of());
    }

    /** With extra upgrade request headers (a login {@code Cookie}, an {@code Authorization}). */
    public static WsPeer connect(URI uri, Map<String, String> headers) throws Exception {
        WsPeer p = new WsPeer();
        p.open(uri, Frames.MAX_FRAME, true, headers);
        return p;
    }

    public void send(Message m) throws Exception {
        sendRaw(Frames.encodeToArray(m));
    }

    /** The first received frame of this type, waiting for it. */
    public <T extends Message> T await(Class<T> type, Duration timeout) {
        return await(type, m -> true, timeout);
    }

    /** Everything the terminal was sent: snapshots' and outputs' bytes, in order, as text. */
    public String terminalText() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Message m : received()) {
            if (m instanceof Message.Snapshot s) all.writeBytes(s.data());
            if (m instanceof Message.Output o) all.writeBytes(o.data());
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    public void awaitText(String text, Duration timeout) {
        Ferry.waitUntil(timeout, "'" + text + "' in the stream (got: " + terminalText() + ")", () -> terminalText().contains(text));
    }

    /** The type byte of every message received, before decoding (a deflated frame is 16 here). */
    public List<Integer> wireTypes() {
        return wireTypes;
    }

    /** Bytes of all messages received, as WebSocket handed them over (after any permessage-deflate). */
    public long wireBytes() {
        return wireBytes.get();
    }

    /** Every deflated frame received, whole and in hex, as it came. */
    public List<String> deflatedFrames() {
        return deflatedFrames;
    }

    @Override
    Message decode(ByteBuffer payload) throws ProtocolException {
        if (payload.hasRemaining()) wireTypes.add(payload.get(payload.position()) & 0xff);
        if (dev.ferry.protocol.DeflatedFrames.isDeflated(payload)) {
            byte[] frame = new byte[payload.remaining()];
            payload.duplicate().get(frame);
            deflatedFrames.add(java.util.HexFormat.of().formatHex(frame));
        }
        wireBytes.addAndGet(payload.remaining());
        return Frames.decodeFromRelay(payload);
    }

    @Override
    Message undecodable(String why) {
        return new Message.Notice(why);
    }
}
