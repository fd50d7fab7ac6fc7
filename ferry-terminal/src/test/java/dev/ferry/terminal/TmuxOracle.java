package dev.ferry.terminal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * tmux 3.3 as the terminal oracle: one private tmux server (its own socket) that replays a byte
 * file into a pane of an exact size and reports what {@code capture-pane -p} and {@code -p -e}
 * print after chosen byte offsets. Each replay gets its own session, killed afterwards.
 */
final class TmuxOracle implements AutoCloseable {
    /** The pane-side half of the protocol; see the comment at its top. */
    static final Path REPLAY_SCRIPT = Path.of("src/test/corpus-tools/replay-in-pane.sh").toAbsolutePath();
    private static final long COMMAND_TIMEOUT_MS = 10_000;
    private static final long REPLAY_TIMEOUT_MS = 20_000;

    /**
     * One screen as tmux prints it: {@code text} from {@code capture-pane -p}, {@code ansi} from
     * {@code -p -e}, and what the capture does not show (cursor, modes, title) from {@code display -p}.
     */
    record Capture(String text, String ansi, PaneState state) {}

    /** tmux's formats for the pane's cursor, modes and title, in {@link PaneState#parse}'s order. */
    private static final String STATE_FORMAT = "#{cursor_x} #{cursor_y} #{cursor_flag} #{keypad_cursor_flag} #{keypad_flag}"
            + " #{mouse_standard_flag} #{mouse_button_flag} #{mouse_all_flag} #{mouse_sgr_flag} #{pane_title}";

    private final String socket = "ferry-oracle-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    private int replays;

    private TmuxOracle() {}

    /** Starts the server, or fails with a clear message when tmux is missing (CI installs it). */
    static TmuxOracle start() {
        String version;
        try {
            version = run(COMMAND_TIMEOUT_MS, "tmux", "-V").strip();
        } catch (IOException e) {
            throw new AssertionError("tmux is not installed (it is the terminal oracle these tests compare against;"
                    + " .ci/run installs it: apt-get install tmux): " + e.getMessage(), e);
        }
        if (!version.startsWith("tmux 3.")) {
            throw new AssertionError("the oracle needs tmux 3.x, found: " + version);
        }
        if (!Files.isRegularFile(REPLAY_SCRIPT)) {
            throw new AssertionError("missing " + REPLAY_SCRIPT + " (run the tests from the ferry-terminal module)");
        }
        TmuxOracle oracle = new TmuxOracle();
        // A detached keeper session keeps the server up between replays; options apply to all later sessions.
        oracle.tmux("-f", "/dev/null", "new-session", "-d", "-s", "keep",
                ";", "set", "-g", "status", "off",
                ";", "set", "-g", "history-limit", String.valueOf(Terminal.DEFAULT_HISTORY),
                ";", "setw", "-g", "aggressive-resize", "off",
                ";", "set", "-s", "escape-time", "0");
        return oracle;
    }

    /**
     * Replays {@code file} into a fresh {@code cols x rows} pane and captures the screen after each
     * offset (ascending, the last usually the file's size).
     */
    List<Capture> replay(Path file, int cols, int rows, List<Long> offsets) {
        int id = replays++;
        String session = "replay-" + id;
        String channel = socket + "-" + id;
        StringBuilder command = new StringBuilder("bash " + quote(REPLAY_SCRIPT.toString()) + " " + channel + " "
                + quote(file.toAbsolutePath().toString()));
        offsets.forEach(o -> command.append(' ').append(o));
        tmux("new-session", "-d", "-s", session, "-x", String.valueOf(cols), "-y", String.valueOf(rows), command.toString());
        try {
            String size = tmux("display", "-p", "-t", session, "#{pane_width}x#{pane_height}").strip();
            if (!size.equals(cols + "x" + rows)) {
                throw new AssertionError("tmux made a " + size + " pane, wanted " + cols + "x" + rows);
            }
            // Before any byte, the title is tmux's default (the host name); the engine's default is empty.
            String defaultTitle = tmux("display", "-p", "-t", session, "#{pane_title}").strip();
            tmux("wait-for", "-S", channel + "-go");
            List<Capture> captures = new ArrayList<>();
            for (int k = 0; k < offsets.size(); k++) {
                awaitReady(channel + "-ready-" + k, file, offsets.get(k));
                String all = tmux("capture-pane", "-p", "-t", session,
                        ";", "capture-pane", "-p", "-e", "-t", session,
                        ";", "display", "-p", "-t", session, STATE_FORMAT,
                        ";", "wait-for", "-S", channel + "-go-" + k);
                captures.add(split(all, rows, defaultTitle));
            }
            return captures;
        } finally {
            tmux("kill-session", "-t", session);
        }
    }

    private void awaitReady(String channel, Path file, long offset) {
        try {
            run(REPLAY_TIMEOUT_MS, "tmux", "-L", socket, "wait-for", channel);
        } catch (IOException e) {
            throw new AssertionError("tmux did not finish reading " + file.getFileName() + " up to byte " + offset
                    + " within " + REPLAY_TIMEOUT_MS + " ms (does it stop inside an escape sequence?): " + e.getMessage(), e);
        }
    }

    /** The two captures arrive back to back, each exactly {@code rows} newline-terminated lines, then the state line. */
    private static Capture split(String all, int rows, String defaultTitle) {
        int textEnd = skipLines(all, 0, rows);
        int ansiEnd = skipLines(all, textEnd, rows);
        String state = all.substring(ansiEnd);
        if (state.chars().filter(c -> c == '\n').count() != 1 || !state.endsWith("\n")) {
            throw new AssertionError("capture-pane printed other than " + rows + " lines:\n" + all);
        }
        return new Capture(all.substring(0, textEnd), all.substring(textEnd, ansiEnd),
                PaneState.parse(state.substring(0, state.length() - 1), defaultTitle));
    }

    private static int skipLines(String s, int from, int lines) {
        int end = from;
        for (int i = 0; i < lines; i++) {
            end = s.indexOf('\n', end) + 1;
            if (end == 0) {
                throw new AssertionError("capture-pane printed fewer than " + lines + " lines:\n" + s);
            }
        }
        return end;
    }

    String tmux(String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "tmux";
        command[1] = "-L";
        command[2] = socket;
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            return run(COMMAND_TIMEOUT_MS, command);
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            run(COMMAND_TIMEOUT_MS, "tmux", "-L", socket, "kill-server");
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    /** Runs a command with a UTF-8 locale; its output (stdout and stderr) if it exits 0, else an IOException. */
    private static String run(long timeoutMs, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("TMUX");
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            // Read while it runs, so a large capture cannot fill the pipe and stall tmux.
            var output = process.getInputStream();
            byte[][] holder = new byte[1][];
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    holder[0] = output.readAllBytes();
                } catch (IOException e) {
                    holder[0] = new byte[0];
                }
            });
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                throw new IOException("timed out after " + timeoutMs + " ms");
            }
            reader.join(timeoutMs);
            String text = decode(holder[0] == null ? new byte[0] : holder[0]);
            if (process.exitValue() != 0) {
                throw new IOException("exit status " + process.exitValue() + ": " + text.strip());
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            process.destroyForcibly();
        }
    }

    /** Strict UTF-8: if tmux ever printed invalid UTF-8, a lenient decode would hide it. */
    private static String decode(byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("tmux printed invalid UTF-8", e);
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
