package dev.ferry.relay.tmate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to one decoded host message ({@code [type, fields...]}), with a clear
 * {@link MsgpackReader.MalformedException} for every field of the wrong type or out of bounds.
 */
final class HostMessage {
    // Host to relay (TMATE_OUT_*), numbered as in tmate's C header.
    static final int HEADER = 0, SYNC_LAYOUT = 1, PTY_DATA = 2, EXEC_CMD_STR = 3, FAILED_CMD = 4, STATUS = 5,
            SYNC_COPY_MODE = 6, WRITE_COPY_MODE = 7, FIN = 8, READY = 9, RECONNECT = 10, SNAPSHOT = 11,
            EXEC_CMD = 12, UNAME = 13;

    private final List<?> fields;

    private HostMessage(List<?> fields) {
        this.fields = fields;
    }

    static HostMessage of(Object value) throws MsgpackReader.MalformedException {
        if (!(value instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof Long)) {
            throw new MsgpackReader.MalformedException("a host message is not an array starting with its type");
        }
        return new HostMessage(list);
    }

    int type() {
        long t = (Long) fields.get(0);
        return t < 0 || t > Integer.MAX_VALUE ? -1 : (int) t;
    }

    int size() {
        return fields.size() - 1;
    }

    long integer(int i) throws MsgpackReader.MalformedException {
        if (field(i) instanceof Long v) return v;
        throw bad(i, "an integer");
    }

    /** An integer in [min, max]. */
    int integer(int i, int min, int max) throws MsgpackReader.MalformedException {
        long v = integer(i);
        if (v < min || v > max) throw bad(i, "a number between " + min + " and " + max);
        return (int) v;
    }

    byte[] bytes(int i) throws MsgpackReader.MalformedException {
        if (field(i) instanceof byte[] b) return b;
        throw bad(i, "a string");
    }

    String string(int i) throws MsgpackReader.MalformedException {
        return new String(bytes(i), StandardCharsets.UTF_8);
    }

    List<?> array(int i) throws MsgpackReader.MalformedException {
        if (field(i) instanceof List<?> l) return l;
        throw bad(i, "an array");
    }

    /** Field i as decoded (nil is null), for fields that may be of several types. */
    Object raw(int i) throws MsgpackReader.MalformedException {
        return field(i);
    }

    /** Fields i.. as strings (EXEC_CMD's argv). */
    List<String> strings(int from) throws MsgpackReader.MalformedException {
        List<String> out = new ArrayList<>();
        for (int i = from; i < size(); i++) out.add(string(i));
        return out;
    }

    /** The message as a nested message (layout windows, panes): same typed access. */
    static HostMessage nested(Object value, String what) throws MsgpackReader.MalformedException {
        if (!(value instanceof List<?> list)) throw new MsgpackReader.MalformedException(what + " is not an array");
        List<Object> shifted = new ArrayList<>(list.size() + 1);
        shifted.add(-1L);
        shifted.addAll(list);
        return new HostMessage(shifted);
    }

    private Object field(int i) throws MsgpackReader.MalformedException {
        if (i >= size()) throw new MsgpackReader.MalformedException("message type " + fields.get(0) + " has too few fields");
        return fields.get(i + 1);
    }

    private MsgpackReader.MalformedException bad(int i, String want) {
        return new MsgpackReader.MalformedException("field " + i + " of message type " + fields.get(0) + " is not " + want);
    }
}
