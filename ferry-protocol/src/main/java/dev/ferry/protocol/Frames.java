package dev.ferry.protocol;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes Ferry frames: one type byte, then the type's fields, big-endian. Strings are
 * a u16 byte length and strict UTF-8; byte payloads run to the end of the frame. The layout is
 * specified in {@code docs/protocol.md}.
 */
public final class Frames {
    /** Protocol version a host announces in a Hello that no HostOptions frame follows. */
    public static final int VERSION = 1;
    /** The version a host announces when a HostOptions frame follows its Hello. */
    public static final int VERSION_WITH_OPTIONS = 2;
    /** Largest frame, type byte included. */
    public static final int MAX_FRAME = 1 << 20;
    /** Largest Output or Input payload that fits one frame. */
    public static final int MAX_PAYLOAD = MAX_FRAME - 1;
    /** Terminal sizes are 1..MAX_SIZE in each dimension. */
    public static final int MAX_SIZE = 1000;
    /**
     * The WebSocket subprotocol a host offers on {@code /ws/host} to send its output as {@code deflated}
     * frames; a relay that answers with it accepts them (and takes no permessage-deflate on that link).
     */
    public static final String DEFLATED_OUTPUT_PROTOCOL = "ferry-deflated-output";

    static final byte HELLO = 1, SESSION_INFO = 2, OUTPUT = 3, INPUT = 4, RESIZE = 5, SNAPSHOT = 6,
            NOTICE = 7, CLOSE = 8, PING = 9, PONG = 10, HOST_OPTIONS = 11,
            LAYOUT = 12, PANE_OUTPUT = 13, PANE_SNAPSHOT = 14, SELECT_PANE = 15, DEFLATED = 16;

    private Frames() {}

    public static ByteBuffer encode(Message message) {
        ByteBuffer b = switch (message) {
            case Message.Hello h -> {
                byte[] cmd = utf8(h.command());
                yield ByteBuffer.allocate(1 + 2 + 1 + 4 + 2 + cmd.length).put(HELLO).putShort((short) h.version())
                        .put((byte) (h.readOnly() ? 1 : 0)).putShort((short) h.cols()).putShort((short) h.rows())
                        .putShort((short) cmd.length).put(cmd);
            }
            case Message.SessionInfo s -> {
                byte[] rw = utf8(s.rwToken()), ro = utf8(s.roToken()), host = utf8(s.sshHost()), web = utf8(s.webBase());
                yield ByteBuffer.allocate(1 + 1 + 8 + rw.length + ro.length + host.length + 2 + web.length)
                        .put(SESSION_INFO).put((byte) (s.readOnly() ? 1 : 0))
                        .putShort((short) rw.length).put(rw).putShort((short) ro.length).put(ro)
                        .putShort((short) host.length).put(host).putShort((short) s.sshPort())
                        .putShort((short) web.length).put(web);
            }
            case Message.HostOptions o -> {
                byte[] key = utf8(o.apiKey()), name = utf8(o.name()), ro = utf8(o.nameRo()), users = utf8(o.allowUsers());
                byte[] keys = o.authorizedKeys().getBytes(StandardCharsets.UTF_8);
                int size = 1 + 8 + key.length + name.length + ro.length + users.length + keys.length;
                if (size > MAX_FRAME) throw new IllegalArgumentException("host options too large: " + size + " bytes");
                yield ByteBuffer.allocate(size).put(HOST_OPTIONS)
                        .putShort((short) key.length).put(key).putShort((short) name.length).put(name)
                        .putShort((short) ro.length).put(ro).putShort((short) users.length).put(users).put(keys);
            }
            case Message.Output o -> payload(OUTPUT, o.data());
            case Message.Input i -> payload(INPUT, i.data());
            case Message.Resize r -> ByteBuffer.allocate(5).put(RESIZE).putShort((short) r.cols()).putShort((short) r.rows());
            case Message.Snapshot s -> {
                if (s.data().length > MAX_FRAME - 5) {
                    throw new IllegalArgumentException("snapshot too large: " + s.data().length + " bytes");
                }
                yield ByteBuffer.allocate(5 + s.data().length).put(SNAPSHOT)
                        .putShort((short) s.cols()).putShort((short) s.rows()).put(s.data());
            }
            case Message.Notice n -> text(NOTICE, n.text());
            case Message.Close c -> text(CLOSE, c.reason());
            case Message.Ping p -> ByteBuffer.allocate(9).put(PING).putLong(p.value());
            case Message.Pong p -> ByteBuffer.allocate(9).put(PONG).putLong(p.value());
            case Message.Layout l -> PaneFrames.layout(l);
            case Message.PaneOutput o -> PaneFrames.output(o);
            case Message.PaneSnapshot sn -> PaneFrames.snapshot(sn);
            case Message.SelectPane sp -> PaneFrames.select(sp);
        };
        return b.flip();
    }

    /** An output frame whose payload is these parts back to back, built with one copy (the relay's fan-out path). */
    public static ByteBuffer encodeOutput(java.util.List<byte[]> parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        if (n > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload too large: " + n + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate(1 + n).put(OUTPUT);
        for (byte[] p : parts) b.put(p);
        return b.flip();
    }

    public static byte[] encodeToArray(Message message) {
        ByteBuffer b = encode(message);
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    /**
     * Decodes one whole frame a participant received from the relay: like {@link #decode}, and a
     * {@code deflated} frame becomes the frame it carries.
     */
    public static Message decodeFromRelay(ByteBuffer frame) throws ProtocolException {
        return decode(frame, true);
    }

    /** Decodes one whole frame (consumes the buffer); malformed or oversized frames throw. Deflated frames are refused. */
    public static Message decode(ByteBuffer frame) throws ProtocolException {
        return decode(frame, false);
    }

    private static Message decode(ByteBuffer frame, boolean fromRelay) throws ProtocolException {
        int size = frame.remaining();
        if (size == 0) {
            throw new ProtocolException("empty frame");
        }
        if (size > MAX_FRAME) {
            throw new ProtocolException("frame of " + size + " bytes exceeds the limit of " + MAX_FRAME);
        }
        ByteBuffer b = frame.slice();
        frame.position(frame.limit());
        int type = b.get();
        try {
            Message m = switch (type) {
                case HELLO -> {
                    int version = u16(b);
                    boolean ro = flag(b);
                    int cols = u16(b), rows = u16(b);
                    checkWireSize(cols, rows);
                    yield new Message.Hello(version, ro, cols, rows, string(b));
                }
                case SESSION_INFO -> new Message.SessionInfo(flag(b), string(b), string(b), string(b), u16(b), string(b));
                case OUTPUT -> new Message.Output(rest(b));
                case INPUT -> new Message.Input(rest(b));
                case RESIZE -> {
                    int cols = u16(b), rows = u16(b);
                    checkWireSize(cols, rows);
                    yield new Message.Resize(cols, rows);
                }
                case SNAPSHOT -> {
                    int cols = u16(b), rows = u16(b);
                    checkWireSize(cols, rows);
                    yield new Message.Snapshot(cols, rows, rest(b));
                }
                case NOTICE -> new Message.Notice(string(b));
                case CLOSE -> new Message.Close(string(b));
                case PING -> new Message.Ping(b.getLong());
                case PONG -> new Message.Pong(b.getLong());
                case HOST_OPTIONS -> new Message.HostOptions(string(b), string(b), string(b), string(b), utf8Rest(b));
                case LAYOUT -> PaneFrames.decodeLayout(b);
                case PANE_OUTPUT -> PaneFrames.decodeOutput(b);
                case PANE_SNAPSHOT -> PaneFrames.decodeSnapshot(b);
                case SELECT_PANE -> PaneFrames.decodeSelect(b);
                case DEFLATED -> {
                    if (!fromRelay) throw new ProtocolException("deflated frames go only from the relay to a participant that asked for them");
                    yield DeflatedFrames.inflate(b);   // consumes the rest; the frame inside is never another deflated one
                }
                default -> throw new ProtocolException("unknown frame type " + (type & 0xff));
            };
            if (b.hasRemaining()) {
                throw new ProtocolException(name(type) + " frame has " + b.remaining() + " trailing bytes");
            }
            return m;
        } catch (BufferUnderflowException e) {
            throw new ProtocolException(name(type) + " frame is truncated (" + size + " bytes)");
        }
    }

    static void checkSize(int cols, int rows) {
        if (cols < 1 || rows < 1 || cols > MAX_SIZE || rows > MAX_SIZE) {
            throw new IllegalArgumentException("terminal size " + cols + "x" + rows + " is outside 1.." + MAX_SIZE);
        }
    }

    private static void checkWireSize(int cols, int rows) throws ProtocolException {
        if (cols < 1 || rows < 1 || cols > MAX_SIZE || rows > MAX_SIZE) {
            throw new ProtocolException("terminal size " + cols + "x" + rows + " is outside 1.." + MAX_SIZE);
        }
    }

    private static String name(int type) {
        String[] names = {"?", "hello", "session-info", "output", "input", "resize", "snapshot", "notice", "close", "ping", "pong", "host-options",
            "layout", "pane-output", "pane-snapshot", "select-pane", "deflated"};
        return type > 0 && type < names.length ? names[type] : "type " + (type & 0xff);
    }

    private static ByteBuffer payload(byte type, byte[] data) {
        if (data.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload too large: " + data.length + " bytes");
        }
        return ByteBuffer.allocate(1 + data.length).put(type).put(data);
    }

    private static ByteBuffer text(byte type, String s) {
        byte[] t = utf8(s);
        return ByteBuffer.allocate(3 + t.length).put(type).putShort((short) t.length).put(t);
    }

    static byte[] utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xffff) {
            throw new IllegalArgumentException("string too long: " + b.length + " bytes");
        }
        return b;
    }

    static int u16(ByteBuffer b) {
        return b.getShort() & 0xffff;
    }

    private static boolean flag(ByteBuffer b) throws ProtocolException {
        int f = b.get();
        if (f != 0 && f != 1) {
            throw new ProtocolException("flag byte must be 0 or 1, got " + (f & 0xff));
        }
        return f == 1;
    }

    static byte[] rest(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    private static String utf8Rest(ByteBuffer b) throws ProtocolException {
        return decodeUtf8(b, b.remaining());
    }

    static String string(ByteBuffer b) throws ProtocolException {
        return decodeUtf8(b, u16(b));
    }

    private static String decodeUtf8(ByteBuffer b, int len) throws ProtocolException {
        if (len > b.remaining()) {
            throw new BufferUnderflowException();
        }
        ByteBuffer s = b.slice(b.position(), len);
        b.position(b.position() + len);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(s);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException("string is not valid UTF-8");
        }
    }
}
