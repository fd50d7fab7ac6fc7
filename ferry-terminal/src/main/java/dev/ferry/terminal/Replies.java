package dev.ferry.terminal;

import java.nio.charset.StandardCharsets;

/**
 * Answers to the queries programs send their terminal, worded as tmux 3.3 words them. Only sent
 * when the terminal's owner asked for them ({@link Terminal#answerQueries}); a mirror of a screen
 * that a real terminal also shows must stay silent, or the program would read two answers.
 */
final class Replies {
    private Replies() {}

    /** DA1, {@code CSI c} or {@code CSI 0 c}: a VT100 with advanced video. */
    static void primaryAttributes(Screen s, int param) {
        if (param == 0) send(s, "\033[?1;2c");
    }

    /** DA2, {@code CSI > c}: tmux's own identity. */
    static void secondaryAttributes(Screen s, int param) {
        if (param == 0) send(s, "\033[>84;0;0c");
    }

    /** DSR, {@code CSI 5 n} (status) and {@code CSI 6 n} (cursor position; tmux 3.3 counts from the top of the screen even in origin mode). */
    static void deviceStatus(Screen s, int param) {
        switch (param) {
            case 5 -> send(s, "\033[0n");
            case 6 -> {
                int x = Math.min(s.cx, s.cols - 1);
                send(s, "\033[" + (s.cy + 1) + ";" + (x + 1) + "R");
            }
            default -> { }
        }
    }

    private static void send(Screen s, String reply) {
        if (s.replies != null) s.replies.accept(reply.getBytes(StandardCharsets.US_ASCII));
    }
}
