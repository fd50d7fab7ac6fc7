package dev.ferry.relay.tmate;

import java.util.ArrayList;
import java.util.List;

/**
 * A joiner's keystroke bytes as tmux key codes, the form the host's PANE_KEY takes: characters as
 * code points, the special keys a terminal sends as escape sequences (arrows, function keys, ...)
 * as tmux's KEYC codes, so they also work in the host's copy mode. Anything unrecognised goes
 * byte by byte, which ordinary programs read the same as typed.
 */
final class Keys {
    static final long BASE = 0x100000000000L;
    static final long META = 0x200000000000L, CTRL = 0x400000000000L, SHIFT = 0x800000000000L;
    static final long F1 = BASE + 46, INSERT = BASE + 58, DELETE = BASE + 59, HOME = BASE + 60, END = BASE + 61,
            PAGE_DOWN = BASE + 62, PAGE_UP = BASE + 63, BACK_TAB = BASE + 64,
            UP = BASE + 65, DOWN = BASE + 66, LEFT = BASE + 67, RIGHT = BASE + 68;

    private Keys() {}

    static List<Long> parse(byte[] data) {
        List<Long> keys = new ArrayList<>(data.length);
        int i = 0;
        while (i < data.length) {
            int b = data[i] & 0xff;
            if (b == 0x1b && i + 1 < data.length) {
                int used = escape(data, i, keys);
                if (used > 0) {
                    i += used;
                    continue;
                }
            }
            if (b >= 0xc0) {
                int n = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
                if (i + n <= data.length && continuation(data, i + 1, n - 1)) {
                    int cp = b & (0x3f >> (n - 1));
                    for (int k = 1; k < n; k++) cp = cp << 6 | (data[i + k] & 0x3f);
                    keys.add((long) cp);
                    i += n;
                    continue;
                }
            }
            keys.add((long) b);
            i++;
        }
        return keys;
    }

    /** Parses an escape sequence at {@code i}; returns the bytes used, 0 when not one we know. */
    private static int escape(byte[] d, int i, List<Long> keys) {
        int next = d[i + 1] & 0xff;
        if (next == 'O' && i + 2 < d.length) {
            long k = ss3(d[i + 2]);
            if (k != 0) {
                keys.add(k);
                return 3;
            }
            return 0;
        }
        if (next == '[') {
            int j = i + 2;
            int p1 = 0, p2 = 0, params = 0;
            int cur = -1;
            while (j < d.length && ((d[j] >= '0' && d[j] <= '9') || d[j] == ';')) {
                if (d[j] == ';') {
                    if (params == 0) p1 = Math.max(cur, 0);
                    params++;
                    cur = -1;
                } else {
                    cur = (cur < 0 ? 0 : cur * 10) + (d[j] - '0');
                    if (cur > 1000) return 0;
                }
                j++;
            }
            if (j >= d.length) return 0;
            if (params == 0) p1 = Math.max(cur, 0); else p2 = Math.max(cur, 0);
            long k = csi(d[j], p1);
            if (k == 0) return 0;
            if (p2 > 1) {
                int m = p2 - 1;
                if ((m & 1) != 0) k |= SHIFT;
                if ((m & 2) != 0) k |= META;
                if ((m & 4) != 0) k |= CTRL;
            }
            keys.add(k);
            return j + 1 - i;
        }
        if (next >= 0x20 && next < 0x7f) {
            keys.add(META | next);   // Alt+key
            return 2;
        }
        return 0;
    }

    private static long ss3(byte b) {
        return switch (b) {
            case 'A' -> UP;
            case 'B' -> DOWN;
            case 'C' -> RIGHT;
            case 'D' -> LEFT;
            case 'H' -> HOME;
            case 'F' -> END;
            case 'P', 'Q', 'R', 'S' -> F1 + (b - 'P');
            default -> 0;
        };
    }

    private static long csi(byte end, int p) {
        return switch (end) {
            case 'A' -> UP;
            case 'B' -> DOWN;
            case 'C' -> RIGHT;
            case 'D' -> LEFT;
            case 'H' -> HOME;
            case 'F' -> END;
            case 'Z' -> BACK_TAB;
            case 'P', 'Q', 'R', 'S' -> F1 + (end - 'P');
            case '~' -> switch (p) {
                case 1, 7 -> HOME;
                case 2 -> INSERT;
                case 3 -> DELETE;
                case 4, 8 -> END;
                case 5 -> PAGE_UP;
                case 6 -> PAGE_DOWN;
                case 11, 12, 13, 14 -> F1 + (p - 11);
                case 15 -> F1 + 4;
                case 17, 18, 19, 20, 21 -> F1 + 5 + (p - 17);
                case 23, 24 -> F1 + 10 + (p - 23);
                default -> 0;
            };
            default -> 0;
        };
    }

    private static boolean continuation(byte[] d, int from, int n) {
        for (int k = 0; k < n; k++) {
            if ((d[from + k] & 0xc0) != 0x80) return false;
        }
        return true;
    }
}
