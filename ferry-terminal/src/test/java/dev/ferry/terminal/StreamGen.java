package dev.ferry.terminal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Seeded random terminal output: text, CJK, emoji, combining marks, SGR, motion, erasing, regions, modes. */
final class StreamGen {
    private static final String[] TEXT = {"hello", "ls -la", "x", "  ", "中文字", "👍", "e\u0301", "a\u200d",
        "\u2764\uFE0F", "ok\tthen", "日本", "\u0301", "ab\u0300c", "─│", "wide中"};
    private final Random r;
    private final int cols, rows;

    StreamGen(long seed, int cols, int rows) {
        this.r = new Random(seed);
        this.cols = cols;
        this.rows = rows;
    }

    byte[] next(int pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : pieces(pieces)) {
            out.writeBytes(p.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    java.util.List<String> pieces(int n) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(piece());
        }
        return out;
    }

    private int n(int bound) { return r.nextInt(bound); }

    private String piece() {
        return switch (n(43)) {
            case 40 -> "a\033[" + n(3) + (r.nextBoolean() ? "x" : "?1J") + "\033[2b";
            case 41 -> r.nextBoolean() ? "\033[22;0t" : "\033[23;0t";
            case 42 -> "\033[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20;21;22;23" + (r.nextBoolean() ? ";24" : "") + "m";
            case 30 -> new String(new byte[] {(byte) 0xE4, (byte) 0xB8}, StandardCharsets.ISO_8859_1) + (r.nextBoolean() ? "\033[m" : "") + "x";
            case 31 -> r.nextBoolean() ? "\033c" : "\033#8";
            case 32 -> "\033[3J";
            case 33 -> "\033[1;3\030X\033[2" + (char) 0x0d + "C";
            case 34 -> "\033]2;t" + n(9) + "\033\\" + (r.nextBoolean() ? "\033_apc" + n(9) + "\033\\" : "");
            case 35 -> "\033P1$qm\033\\" + (r.nextBoolean() ? "\033Xsos\033\\" : "\033^pm\007x\033\\");
            case 36 -> "\033[" + n(3) + ";" + n(3) + "f";
            case 37 -> "\033[" + (1 + n(rows)) + "d\033[" + (1 + n(cols)) + "`";
            case 38 -> "\033[" + n(3) + "E\033[" + n(3) + "F";
            case 39 -> "\033D\033E" + (r.nextBoolean() ? "\033[?7l" : "\033[?7h");
            case 0, 1, 2, 3, 4, 5 -> TEXT[n(TEXT.length)];
            case 6 -> "\r\n";
            case 7 -> "\n";
            case 8 -> "\033[" + sgr() + "m";
            case 9 -> "\033[" + (1 + n(rows + 2)) + ";" + (1 + n(cols + 2)) + "H";
            case 10 -> "\033[" + n(4) + "ABCDEFG".charAt(n(7));
            case 11 -> "\033[" + n(4) + "J";
            case 12 -> "\033[" + n(3) + "K";
            case 13 -> "\033[" + n(5) + "@PXLM".charAt(n(5));
            case 14 -> "\033[" + (1 + n(rows)) + ";" + (1 + n(rows)) + "r";
            case 15 -> "\033[?" + new int[] {1049, 47, 1047}[n(3)] + (r.nextBoolean() ? "h" : "l");
            case 16 -> "\033[?" + new int[] {1, 25, 2004, 1000, 1002, 1003, 1006, 1004, 7, 6}[n(10)] + (r.nextBoolean() ? "h" : "l");
            case 17 -> "\033]" + (n(2) * 2) + ";title " + n(100) + "\007";
            case 18 -> "\t";
            case 19 -> r.nextBoolean() ? "\0337" : "\0338";
            case 20 -> r.nextBoolean() ? "\033(0lqk" : "\033(B";
            case 21 -> r.nextBoolean() ? "\016x\017" : "\033)0";
            case 22 -> "\033M";
            case 23 -> "\033[" + n(3) + "ST".charAt(n(2));
            case 24 -> "a\033[" + n(5) + "b";
            case 25 -> "\033[4" + (r.nextBoolean() ? "h" : "l");
            case 26 -> "\033[" + n(7) + " q";
            case 27 -> "\b";
            case 28 -> "\033[3g\033H" + (r.nextBoolean() ? "\033[Z" : "");
            default -> "\033=" + (r.nextBoolean() ? "\033>" : "");
        };
    }

    private String sgr() {
        return switch (n(14)) {
            case 12 -> r.nextBoolean() ? "58;5;" + n(256) : "58:2::" + n(256) + ":" + n(256) + ":" + n(256);
            case 13 -> r.nextBoolean() ? "4;59" : "4:3;58;2;" + n(256) + ";" + n(256) + ";" + n(256);
            case 0 -> "";
            case 1 -> "1;3";
            case 2 -> "3" + n(8);
            case 3 -> "4" + n(8) + ";9" + n(8);
            case 4 -> "38;5;" + n(256);
            case 5 -> "48;2;" + n(256) + ";" + n(256) + ";" + n(256);
            case 6 -> "38:2::" + n(256) + ":" + n(256) + ":" + n(256);
            case 7 -> "4:" + n(6);
            case 8 -> "7;5;8";
            case 9 -> "22;23;24;27";
            case 10 -> "2;9;53;21";
            default -> "0";
        };
    }
}
