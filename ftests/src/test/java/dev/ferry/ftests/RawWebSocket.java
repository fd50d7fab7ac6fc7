package dev.ferry.ftests;

import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client written on a bare socket, so a test controls when (and whether) it reads: it
 * completes the handshake (no extensions unless a test offers one, a tiny receive buffer) and then
 * reads only when asked. That is what a stalled participant on a congested link looks like to the
 * relay; a test can also see each frame's header bits (RSV1: compressed).
 */
public final class RawWebSocket implements AutoCloseable {
    private final Socket socket = new Socket();
    private DataInputStream in;
    private String handshake;

    public RawWebSocket(URI uri) throws IOException {
        this(uri, "");
    }

    /** With extra request headers, each ending in CRLF (e.g. an extension offer). */
    public RawWebSocket(URI uri, String headers) throws IOException {
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream raw = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = raw.read();
            if (c < 0) throw new IOException("connection closed during the handshake: " + head);
            head.append((char) c);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) throw new IOException("handshake refused: " + head);
        in = new DataInputStream(raw);
        handshake = head.toString();
    }

    /** The relay's handshake response, headers included. */
    public String handshake() {
        return handshake;
    }

    /** One frame as sent: its first byte (FIN, RSV1-3, opcode) and its payload. */
    public record RawFrame(int head, byte[] payload) {
        public boolean compressed() { return (head & 0x40) != 0; }
        public int opcode() { return head & 0x0f; }
    }

    /** Reads the next frame whatever it is, without decoding it. */
    public RawFrame nextFrame() throws IOException {
        int b0 = in.readUnsignedByte(), b1 = in.readUnsignedByte();
        long len = b1 & 0x7f;
        if (len == 126) len = in.readUnsignedShort();
        else if (len == 127) len = in.readLong();
        byte[] payload = new byte[Math.toIntExact(len)];
        in.readFully(payload);
        return new RawFrame(b0, payload);
    }

    /** Reads the next binary message and decodes it (control frames are skipped); null at close. */
    public Message next() throws Exception {
        while (true) {
            RawFrame f = nextFrame();
            if (f.opcode() == 8) return null;
            if (f.opcode() == 2) return Frames.decode(ByteBuffer.wrap(f.payload()));
        }
    }

    /** Sends one masked binary message. */
    public void send(byte[] payload) throws IOException {
        send(0x82, payload);
    }

    /**
     * Sends one binary message compressed as permessage-deflate (RSV1 set) with no history from
     * earlier messages, as a peer that agreed to keep no compression context does.
     */
    public void sendCompressed(byte[] message) throws IOException {
        java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(message);
        byte[] buf = new byte[message.length + 64];
        int n = d.deflate(buf, 0, buf.length, java.util.zip.Deflater.SYNC_FLUSH);
        d.end();
        send(0xc2, java.util.Arrays.copyOf(buf, n - 4));   // the RFC drops the flush's 00 00 ff ff tail
    }

    private void send(int head, byte[] payload) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(head);
        if (payload.length < 126) out.write(0x80 | payload.length);
        else {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        }
        out.write(new byte[4]);  // an all-zero mask leaves the payload as is
        out.write(payload);
        out.flush();
    }

    public void send(Message m) throws IOException {
        send(Frames.encodeToArray(m));
    }

    public boolean isClosedByPeer() {
        try {
            socket.setSoTimeout(200);
            while (true) {
                if (socket.getInputStream().read(new byte[65536]) < 0) return true;
            }
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
