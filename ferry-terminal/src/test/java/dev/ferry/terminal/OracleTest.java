package dev.ferry.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.terminal.TmuxOracle.Capture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against tmux 3.3: every corpus file (real programs recorded in a PTY, plus hand-made
 * escape sequences) is replayed into a tmux pane of the size in its name and fed to a {@link Terminal}
 * of the same size; at every checkpoint, {@link Terminal#text()} must equal {@code capture-pane -p}
 * and {@link Terminal#ansiText()} must equal {@code capture-pane -p -e}, byte for byte.
 *
 * <p>The engine gets the bytes in pseudo-random chunks (some of a few bytes), so escape sequences
 * and UTF-8 characters are split across {@link Terminal#feed} calls as they are on a real PTY.
 */
class OracleTest {
    private static TmuxOracle tmux;
    private static final Map<Path, List<Capture>> TMUX_SCREENS = new ConcurrentHashMap<>();

    @BeforeAll
    static void startTmux() {
        tmux = TmuxOracle.start();
    }

    @AfterAll
    static void stopTmux() {
        if (tmux != null) {
            tmux.close();
        }
    }

    static List<CorpusCase> corpus() {
        return CorpusCase.all();
    }

    private static List<Capture> tmuxScreens(CorpusCase c) {
        return TMUX_SCREENS.computeIfAbsent(c.file(), f -> tmux.replay(f, c.cols(), c.rows(), c.checkpoints()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void engineScreenMatchesTmux(CorpusCase c) {
        check(c, OracleTest::screenMismatch);
    }

    /** What capture-pane cannot show: a wrong cursor or mode shows up only in later output, or never. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void engineCursorModesAndTitleMatchTmux(CorpusCase c) {
        check(c, OracleTest::stateMismatch);
    }

    /** Feeds the file to a fresh engine and applies {@code mismatch} at every checkpoint. */
    private static void check(CorpusCase c, BiFunction<Capture, Terminal, String> mismatch) {
        List<Capture> screens = tmuxScreens(c);
        byte[] bytes = c.bytes();
        Terminal terminal = new Terminal(c.cols(), c.rows());
        Random chunks = new Random(c.toString().hashCode());
        int pos = 0;
        String firstReport = null;
        List<Integer> failing = new ArrayList<>();
        for (int k = 0; k < screens.size(); k++) {
            int end = Math.toIntExact(c.checkpoints().get(k));
            while (pos < end) {
                int n = Math.min(end - pos, chunks.nextBoolean() ? 1 + chunks.nextInt(16) : 1 + chunks.nextInt(4096));
                terminal.feed(bytes, pos, n);
                pos += n;
            }
            // Keep going after a mismatch: which later checkpoints fail too tells how far a bug reaches.
            String found = mismatch.apply(screens.get(k), terminal);
            if (!found.isEmpty()) {
                failing.add(k + 1);
                if (firstReport == null) {
                    firstReport = report(c, k, bytes, screens.get(k), found, mismatch);
                }
            }
        }
        if (firstReport != null) {
            fail(firstReport + "\nCheckpoints that differ: " + failing + " of " + screens.size());
        }
    }

    private static String screenMismatch(Capture tmuxScreen, Terminal terminal) {
        String text = ScreenDiff.describe(tmuxScreen.text(), terminal.text());
        if (!text.isEmpty()) {
            return "text() differs from capture-pane -p:\n" + text;
        }
        String ansi = ScreenDiff.describe(tmuxScreen.ansi(), terminal.ansiText());
        return ansi.isEmpty() ? "" : "text() matches, but ansiText() differs from capture-pane -p -e:\n" + ansi;
    }

    private static String stateMismatch(Capture tmuxScreen, Terminal terminal) {
        PaneState ferry = PaneState.of(terminal);
        return ferry.equals(tmuxScreen.state()) ? ""
                : "cursor, modes or title differ from tmux's display -p:\n    tmux : " + tmuxScreen.state()
                        + "\n    ferry: " + ferry + "\n";
    }

    private static String report(CorpusCase c, int k, byte[] bytes, Capture tmuxScreen, String found,
                                 BiFunction<Capture, Terminal, String> mismatch) {
        long offset = c.checkpoints().get(k);
        // Tell a chunk-boundary bug from a plain one: feed the same prefix in one piece.
        Terminal whole = new Terminal(c.cols(), c.rows());
        whole.feed(bytes, 0, Math.toIntExact(offset));
        String wholeNote = mismatch.apply(tmuxScreen, whole).isEmpty()
                ? "Fed in one piece, the engine matches tmux here: the bug is in handling input split across feed() calls."
                : "Fed in one piece, the engine differs too (not a chunking problem).";
        return c + " (" + c.cols() + "x" + c.rows() + "), checkpoint " + (k + 1) + " of " + c.checkpoints().size()
                + " (after byte " + offset + " of " + bytes.length + "): " + found
                + wholeNote + "\nSee it side by side: src/test/corpus-tools/compare.sh " + c.file() + " "
                + c.cols() + " " + c.rows() + " " + offset;
    }

    /** The harness itself: exact pane size, every row printed, checkpoints cut where asked. */
    @Test
    void harnessCapturesTheScreenAtEachCheckpoint(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.raw");
        byte[] first = "hello\r\nworld".getBytes(StandardCharsets.UTF_8);
        byte[] second = "\r\n\u001b[1;31mred\u001b[m\u001b[3;10H|".getBytes(StandardCharsets.UTF_8);
        Files.write(file, concat(first, second));
        List<Capture> screens = tmux.replay(file, 10, 3, List.of((long) first.length, (long) first.length + second.length));

        assertThat(screens.get(0).text()).isEqualTo("hello\nworld\n\n");
        assertThat(screens.get(1).text()).isEqualTo("hello\nworld\nred      |\n");
        assertThat(screens.get(1).ansi()).contains("\u001b[1m").contains("\u001b[31mred");
        assertThat(screens.get(0).state()).isEqualTo(new PaneState(5, 1, true, false, false, 0, false, ""));
        assertThat(screens.get(1).state()).isEqualTo(new PaneState(10, 2, true, false, false, 0, false, ""));
    }

    /** Replaying the same file twice gives the same screens: the harness waits for tmux, it does not race it. */
    @Test
    void tmuxGivesTheSameScreensEveryTime() {
        for (CorpusCase c : corpus()) {
            List<Capture> again = tmux.replay(c.file(), c.cols(), c.rows(), c.checkpoints());
            assertThat(again).as("second replay of %s", c).isEqualTo(tmuxScreens(c));
        }
    }

    @Test
    void corpusIsWellFormed() throws IOException {
        List<CorpusCase> cases = corpus();
        long total = 0;
        for (CorpusCase c : cases) {
            byte[] bytes = c.bytes();
            total += bytes.length;
            assertThat(bytes.length).as("size of %s", c).isBetween(1, 300 * 1024);
            // replay-in-pane.sh syncs on the answer to ESC [ 5 n; one inside a file would end the wait early.
            assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as("%s contains ESC [ 5 n", c).doesNotContain("\u001b[5n");
            assertThat(Files.exists(c.file().resolveSibling(c.name() + ".80x24.raw"))
                    && Files.exists(c.file().resolveSibling(c.name() + ".120x40.raw")))
                    .as("%s is recorded at 80x24 and at 120x40", c.name()).isTrue();
        }
        assertThat(total).as("corpus size").isLessThan(5L * 1024 * 1024);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
