package dev.ferry.protocol;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Encodes and decodes {@link AgentMessage} frames: one type byte (32 and up, so they never pass for a
 * host's or participant's frame), then the fields, big-endian, with {@link Frames}' string rules.
 * A {@code data} frame is a u32 shell id followed by a whole Ferry frame.
 */
public final class AgentFrames {
    /** The agent protocol's version, sent in the hello. */
    public static final int VERSION = 1;
    /** Largest agent frame: a Ferry frame plus the data header. */
    public static final int MAX_FRAME = Frames.MAX_FRAME + 5;

    static final byte HELLO = 32, WELCOME = 33, OPEN = 34, OPENED = 35, END = 36, DATA = 37, ERROR = 38, PING = 39, PONG = 40;

    private AgentFrames() {}

    public static ByteBuffer encode(AgentMessage message) {
        ByteBuffer b = switch (message) {
            case AgentMessage.Hello h -> {
                byte[] token = Frames.utf8(h.token()), v = Frames.utf8(h.agentVersion()), os = Frames.utf8(h.os()), host = Frames.utf8(h.hostname());
                AgentMessage.Limits l = h.limits();
                yield ByteBuffer.allocate(1 + 2 + 8 + token.length + v.length + os.length + host.length + 20).put(HELLO)
                        .putShort((short) h.version()).putShort((short) token.length).put(token).putShort((short) v.length).put(v)
                        .putShort((short) os.length).put(os).putShort((short) host.length).put(host)
                        .putInt(l.maxShells()).putInt(l.maxShellsPerUser()).putInt(l.idleSeconds()).putInt(l.maxAgeSeconds())
                        .putInt(l.graceSeconds());
            }
            case AgentMessage.Welcome w -> {
                byte[] d = Frames.utf8(w.device());
                yield ByteBuffer.allocate(1 + 2 + d.length + 4).put(WELCOME).putShort((short) d.length).put(d).putInt(w.heartbeatSeconds());
            }
            case AgentMessage.Open o -> {
                byte[] u = Frames.utf8(o.user());
                yield ByteBuffer.allocate(1 + 4 + 2 + u.length + 4).put(OPEN).putInt(o.shell()).putShort((short) u.length).put(u)
                        .putShort((short) o.cols()).putShort((short) o.rows());
            }
            case AgentMessage.Opened o -> ByteBuffer.allocate(9).put(OPENED).putInt(o.shell()).putShort((short) o.cols()).putShort((short) o.rows());
            case AgentMessage.End e -> {
                byte[] r = Frames.utf8(e.reason());
                yield ByteBuffer.allocate(1 + 4 + 2 + r.length).put(END).putInt(e.shell()).putShort((short) r.length).put(r);
            }
            case AgentMessage.Data d -> {
                ByteBuffer inner = Frames.encode(d.message());
                yield ByteBuffer.allocate(5 + inner.remaining()).put(DATA).putInt(d.shell()).put(inner);
            }
            case AgentMessage.Error e -> {
                byte[] t = Frames.utf8(e.text());
                yield ByteBuffer.allocate(3 + t.length).put(ERROR).putShort((short) t.length).put(t);
            }
            case AgentMessage.Ping p -> ByteBuffer.allocate(9).put(PING).putLong(p.value());
            case AgentMessage.Pong p -> ByteBuffer.allocate(9).put(PONG).putLong(p.value());
        };
        return b.flip();
    }

    /** Decodes one whole frame (consumes the buffer); malformed, unknown or oversized frames throw. */
    public static AgentMessage decode(ByteBuffer frame) throws ProtocolException {
        int size = frame.remaining();
        if (size == 0) throw new ProtocolException("empty frame");
        if (size > MAX_FRAME) throw new ProtocolException("frame of " + size + " bytes exceeds the limit of " + MAX_FRAME);
        ByteBuffer b = frame.slice();
        frame.position(frame.limit());
        int type = b.get() & 0xff;
        try {
            AgentMessage m = switch (type) {
                case HELLO -> new AgentMessage.Hello(Frames.u16(b), Frames.string(b), Frames.string(b), Frames.string(b), Frames.string(b),
                        limits(b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt()));
                case WELCOME -> new AgentMessage.Welcome(Frames.string(b), b.getInt());
                case OPEN -> {
                    int shell = b.getInt();
                    String user = Frames.string(b);
                    int cols = Frames.u16(b), rows = Frames.u16(b);
                    checkSize(cols, rows);
                    yield new AgentMessage.Open(shell, user, cols, rows);
                }
                case OPENED -> {
                    int shell = b.getInt(), cols = Frames.u16(b), rows = Frames.u16(b);
                    checkSize(cols, rows);
                    yield new AgentMessage.Opened(shell, cols, rows);
                }
                case END -> new AgentMessage.End(b.getInt(), Frames.string(b));
                case DATA -> {
                    int shell = b.getInt();
                    if (!b.hasRemaining()) throw new ProtocolException("data frame has no Ferry frame");
                    yield new AgentMessage.Data(shell, Frames.decode(b));
                }
                case ERROR -> new AgentMessage.Error(Frames.string(b));
                case PING -> new AgentMessage.Ping(b.getLong());
                case PONG -> new AgentMessage.Pong(b.getLong());
                default -> throw new ProtocolException("unknown agent frame type " + type);
            };
            if (b.hasRemaining()) throw new ProtocolException("agent frame type " + type + " has " + b.remaining() + " trailing bytes");
            return m;
        } catch (BufferUnderflowException e) {
            throw new ProtocolException("agent frame type " + type + " is truncated (" + size + " bytes)");
        }
    }

    private static AgentMessage.Limits limits(int shells, int perUser, int idle, int age, int grace) throws ProtocolException {
        try {
            return new AgentMessage.Limits(shells, perUser, idle, age, grace);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(e.getMessage());
        }
    }

    private static void checkSize(int cols, int rows) throws ProtocolException {
        if (cols < 1 || rows < 1 || cols > Frames.MAX_SIZE || rows > Frames.MAX_SIZE) {
            throw new ProtocolException("terminal size " + cols + "x" + rows + " is outside 1.." + Frames.MAX_SIZE);
        }
    }
}
