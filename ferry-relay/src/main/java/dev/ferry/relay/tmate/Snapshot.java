package dev.ferry.relay.tmate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the SNAPSHOT a reconnecting host sends ({@code [11, panes]}) into, per pane, the escape
 * sequences that rebuild it in a fresh screen model: history and visible lines with their colours
 * and attributes, the normal screen under an active alternate screen, the cursor and the modes.
 * Every count is bounded; cells and characters are paired one to one, padding cells (the right
 * half of a wide character) taking none.
 */
final class Snapshot {
    static final int MAX_LINES = 5000, MAX_CELLS = Layout.MAX_SIZE;

    // Cell word: flags<<24 | attr<<16 | bg<<8 | fg.
    private static final int FG256 = 0x1, BG256 = 0x2, PADDING = 0x4, FGRGB = 0x10, BGRGB = 0x20;
    private static final int[][] ATTRS = {{0x1, 1}, {0x2, 2}, {0x4, 4}, {0x8, 5}, {0x10, 7}, {0x20, 8}, {0x40, 3}};
    private static final int CHARSET = 0x80;
    // Screen modes.
    private static final int CURSOR = 0x1, INSERT = 0x2, KCURSOR = 0x4, KKEYPAD = 0x8, WRAP = 0x10, MOUSE_STANDARD = 0x20,
            MOUSE_BUTTON = 0x40, MOUSE_SGR = 0x200, BRACKETPASTE = 0x400, FOCUSON = 0x800;

    private Snapshot() {}

    /** Pane id to the bytes that rebuild it, at the pane's size in the layout (lines clipped to its width). */
    static Map<Integer, byte[]> decode(HostMessage m, Map<Integer, Layout.Pane> sizes) throws MsgpackReader.MalformedException {
        List<?> panes = m.array(0);
        if (panes.size() > Layout.MAX_PANES) throw new MsgpackReader.MalformedException("too many panes in a snapshot");
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        for (Object raw : panes) {
            HostMessage p = HostMessage.nested(raw, "a snapshot pane");
            int id = p.integer(0, 0, Integer.MAX_VALUE);
            long mode = p.integer(1);
            HostMessage grid = HostMessage.nested(p.array(2), "a snapshot grid");
            Object saved = p.size() > 3 ? p.raw(3) : null;
            Layout.Pane size = sizes.get(id);
            if (size == null) continue;   // a pane the layout does not know: nothing to repair
            int height = size.rows(), width = size.cols();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            if (saved != null) {
                // The alternate screen is up: the normal screen first, then switch over it.
                HostMessage normal = HostMessage.nested(saved, "a saved grid");
                lines(b, normal.array(2), Integer.MAX_VALUE, width);
                cursor(b, normal, height);
                ascii(b, "\033[?1049h");
                lines(b, grid.array(2), height, width);
            } else {
                lines(b, grid.array(2), Integer.MAX_VALUE, width);
            }
            cursor(b, grid, height);
            modes(b, mode);
            out.put(id, b.toByteArray());
        }
        return out;
    }

    /** Writes the last {@code keep} of these lines, one per row (earlier ones scroll into history). */
    private static void lines(ByteArrayOutputStream b, List<?> lines, int keep, int width) throws MsgpackReader.MalformedException {
        if (lines.size() > MAX_LINES) throw new MsgpackReader.MalformedException("too many lines in a snapshot");
        int first = Math.max(0, lines.size() - keep);
        for (int i = first; i < lines.size(); i++) {
            if (i > first) ascii(b, "\033[m\r\n");
            HostMessage line = HostMessage.nested(lines.get(i), "a snapshot line");
            line(b, line.string(0), line.array(1), width);
        }
        ascii(b, "\033[m");
    }

    private static void line(ByteArrayOutputStream b, String text, List<?> cells, int width) throws MsgpackReader.MalformedException {
        if (cells.size() > MAX_CELLS) throw new MsgpackReader.MalformedException("too many cells in a snapshot line");
        int[] chars = text.codePoints().toArray();
        int next = 0;
        long last = -1;
        // One cell is one column (a wide character's right half is a padding cell); a pane narrower
        // now clips, since wrapping would shift every line below.
        for (int column = 0; column < Math.min(width, cells.size()); column++) {
            if (!(cells.get(column) instanceof Long word)) throw new MsgpackReader.MalformedException("a snapshot cell is not an integer");
            int flags = (int) (word >>> 24) & 0xff;
            if ((flags & PADDING) != 0) continue;
            int cp = next < chars.length ? chars[next++] : ' ';
            if (cp < 0x20 || cp == 0x7f) cp = ' ';
            long style = word & 0xffffffffL & ~((long) PADDING << 24);
            if (style != last) {
                sgr(b, style);
                last = style;
            }
            boolean acs = ((word >>> 16) & CHARSET) != 0;
            if (acs) ascii(b, "\033(0");
            b.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            if (acs) ascii(b, "\033(B");
        }
    }

    private static void sgr(ByteArrayOutputStream b, long word) {
        int fg = (int) word & 0xff, bg = (int) (word >>> 8) & 0xff, attr = (int) (word >>> 16) & 0xff, flags = (int) (word >>> 24) & 0xff;
        StringBuilder s = new StringBuilder("\033[0");
        for (int[] a : ATTRS) {
            if ((attr & a[0]) != 0) s.append(';').append(a[1]);
        }
        colour(s, fg, (flags & FG256) != 0, (flags & FGRGB) != 0, 30, 38, 90);
        colour(s, bg, (flags & BG256) != 0, (flags & BGRGB) != 0, 40, 48, 100);
        ascii(b, s.append('m').toString());
    }

    /** tmux's colour byte: 0-7, 8 default, 90-97/100-107 bright, or a 256-colour index; RGB arrives truncated, so default. */
    private static void colour(StringBuilder s, int c, boolean indexed, boolean rgb, int base, int extended, int bright) {
        if (rgb) return;
        if (indexed) {
            s.append(';').append(extended).append(";5;").append(c);
        } else if (c < 8) {
            s.append(';').append(base + c);
        } else if (c >= bright && c < bright + 8) {
            s.append(';').append(c);
        }
    }

    private static void cursor(ByteArrayOutputStream b, HostMessage grid, int height) throws MsgpackReader.MalformedException {
        int cx = grid.integer(0, 0, Layout.MAX_SIZE), cy = grid.integer(1, 0, Layout.MAX_SIZE);
        ascii(b, "\033[" + (Math.min(cy, height - 1) + 1) + ";" + (cx + 1) + "H");
    }

    private static void modes(ByteArrayOutputStream b, long mode) {
        if ((mode & CURSOR) == 0) ascii(b, "\033[?25l");
        if ((mode & INSERT) != 0) ascii(b, "\033[4h");
        if ((mode & KCURSOR) != 0) ascii(b, "\033[?1h");
        if ((mode & KKEYPAD) != 0) ascii(b, "\033=");
        if ((mode & WRAP) == 0) ascii(b, "\033[?7l");
        if ((mode & MOUSE_STANDARD) != 0) ascii(b, "\033[?1000h");
        if ((mode & MOUSE_BUTTON) != 0) ascii(b, "\033[?1002h");
        if ((mode & MOUSE_SGR) != 0) ascii(b, "\033[?1006h");
        if ((mode & BRACKETPASTE) != 0) ascii(b, "\033[?2004h");
        if ((mode & FOCUSON) != 0) ascii(b, "\033[?1004h");
    }

    private static void ascii(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
