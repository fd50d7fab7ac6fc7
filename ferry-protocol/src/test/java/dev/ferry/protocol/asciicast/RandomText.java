package dev.ferry.protocol.asciicast;

import java.util.Random;

/** Terminal-like text mixing ASCII, controls and 2-, 3- and 4-byte UTF-8 characters. */
final class RandomText {
    private static final String[] PIECES = {
        "a", "Z", " ", "\r\n", "\t", "\u001b[1;31m", "\u001b[0m", "\u0007", "\u007f", "\"", "\\",
        "é", "ß", "Ω", "€", "漢", "字", "\u2028", "\uFEFF", "😀", "𝄞", "👩‍💻", "\u0085"
    };

    private RandomText() {}

    static String of(Random random, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }
}
