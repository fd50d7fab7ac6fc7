package dev.ferry.bench;

import dev.ferry.bench.load.ThroughputBench;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The terminal output the engine benchmarks feed: real {@code ls} output and generated coloured text. */
final class TerminalInputs {
    /** Every parse input is cut or repeated to exactly this many bytes, so ops/s * SIZE = bytes/s. */
    static final int SIZE = 4_000_000;

    private TerminalInputs() {}

    /**
     * {@code LC_ALL=C ls --color=always -laR /usr/share} (real GNU ls output: permissions, owners,
     * sizes, dates, coloured names) with each LF turned into CR LF as a PTY's onlcr does, repeated
     * or cut to {@link #SIZE} bytes.
     */
    static byte[] lsLaR() {
        byte[] raw;
        try {
            ProcessBuilder pb = new ProcessBuilder("ls", "--color=always", "-laR", "/usr/share")
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            try (InputStream in = p.getInputStream()) {
                raw = in.readAllBytes();
            }
            p.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ls: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (raw.length < 100_000) {
            throw new IllegalStateException("ls -laR /usr/share gave only " + raw.length + " bytes");
        }
        ByteArrayOutputStream crlf = new ByteArrayOutputStream(raw.length + raw.length / 20);
        for (byte b : raw) {
            if (b == '\n') {
                crlf.write('\r');
            }
            crlf.write(b);
        }
        return exactly(crlf.toByteArray());
    }

    /**
     * Plain text lines like a long {@code ls -l} without colours, each ended by CR LF: what the
     * end-to-end throughput benchmark's program writes ({@link ThroughputBench#line}).
     */
    static byte[] plainLines() {
        StringBuilder sb = new StringBuilder(SIZE + 128);
        for (int i = 0; sb.length() < SIZE; i++) {
            sb.append(ThroughputBench.line(i));
        }
        return exactly(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * 80-column lines where every 3 to 6 characters switch colour: 256-colour and truecolor
     * foregrounds, some backgrounds and bold, as syntax highlighters and fancy prompts write.
     * Deterministic (fixed-seed arithmetic).
     */
    static byte[] sgrHeavy() {
        StringBuilder sb = new StringBuilder(SIZE + 4096);
        long seed = 42;
        String words = "the quick brown fox jumps over lazy dog 0123456789 {}[]();=+-*/ if else return";
        int w = 0;
        while (sb.length() < SIZE) {
            int col = 0;
            while (col < 80) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int r = (int) (seed >>> 33);
                switch (r % 4) {
                    case 0 -> sb.append("\033[38;5;").append(r % 256).append('m');
                    case 1 -> sb.append("\033[38;2;").append(r & 255).append(';').append((r >> 8) & 255).append(';')
                            .append((r >> 16) & 255).append('m');
                    case 2 -> sb.append("\033[1;48;5;").append((r >> 3) % 256).append('m');
                    default -> sb.append("\033[0m");
                }
                int n = Math.min(3 + (r >> 5) % 4, 80 - col);
                for (int i = 0; i < n; i++) {
                    sb.append(words.charAt(w++ % words.length()));
                }
                col += n;
            }
            sb.append("\033[0m\r\n");
        }
        return exactly(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] exactly(byte[] data) {
        byte[] out = new byte[SIZE];
        for (int at = 0; at < SIZE; at += data.length) {
            System.arraycopy(data, 0, out, at, Math.min(data.length, SIZE - at));
        }
        return out;
    }

    /** A screenful of coloured text: each row mixes plain words, 16/256/RGB colours and bold. */
    static byte[] colouredScreen(int cols, int rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("\033[H\033[2J");
        for (int y = 0; y < rows; y++) {
            sb.append("\033[").append(y + 1).append("H");
            int x = 0;
            int k = y;
            while (x < cols) {
                switch (k++ % 5) {
                    case 0 -> sb.append("\033[0m");
                    case 1 -> sb.append("\033[1;34m");
                    case 2 -> sb.append("\033[38;5;").append((y * 7 + x) % 256).append('m');
                    case 3 -> sb.append("\033[38;2;").append(x % 256).append(";100;").append(y * 5 % 256).append('m');
                    default -> sb.append("\033[42;30m");
                }
                String word = "word" + (x % 97) + ' ';
                word = word.substring(0, Math.min(word.length(), cols - x));
                sb.append(word);
                x += word.length();
            }
        }
        sb.append("\033[0m\033[").append(rows).append(";1H");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] slice(byte[] data, int from, int to) {
        return Arrays.copyOfRange(data, from, to);
    }
}
