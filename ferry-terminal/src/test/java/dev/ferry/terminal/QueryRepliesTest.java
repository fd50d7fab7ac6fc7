package dev.ferry.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A terminal asked to answer queries answers them as tmux 3.3 does; otherwise it stays silent. */
class QueryRepliesTest {
    // cursor position, DA1, DA2, status, then a cursor position in origin mode inside a region
    private static final String QUERIES = "\033[3;5H\033[6n\033[c\033[>c\033[5n\033[2;4r\033[?6h\033[2;3H\033[6n";

    private static String answers(int cols, int rows, String input) {
        Terminal t = new Terminal(cols, rows);
        ByteArrayOutputStream replies = new ByteArrayOutputStream();
        t.answerQueries(replies::writeBytes);
        t.feed(input.getBytes(StandardCharsets.UTF_8));
        return replies.toString(StandardCharsets.US_ASCII);
    }

    private static String visible(String s) {
        return s.replace("\033", "ESC");
    }

    @Test
    void answersCursorPositionAttributesAndStatus() {
        assertThat(answers(20, 5, QUERIES)).isEqualTo("\033[3;5R\033[?1;2c\033[>84;0;0c\033[0n\033[3;3R");
    }

    @Test
    void aCursorInThePendingWrapColumnReportsTheLastColumn() {
        assertThat(answers(10, 3, "0123456789\033[6n")).isEqualTo("\033[1;10R");
    }

    @Test
    void unknownOrParameterisedQueriesGetNoAnswer() {
        assertThat(answers(20, 5, "\033[7n\033[1c\033[>1c\033[?6n")).isEmpty();
    }

    @Test
    void aPassiveMirrorNeverAnswers() {
        Terminal t = new Terminal(20, 5);
        t.feed(QUERIES.getBytes(StandardCharsets.UTF_8));    // no reply sink: nothing to call, nothing drawn
        assertThat(t.text()).isEqualTo("\n\n\n\n\n");
    }

    @Test
    void theAnswersAreTheOnesTmuxGives(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("replies");
        String printf = QUERIES.replace("\033", "\\033");
        String script = "stty raw -echo; printf '" + printf + "'; sleep 1; dd bs=4096 count=1 of=" + out + " 2>/dev/null; stty sane";
        try (TmuxOracle tmux = TmuxOracle.start()) {
            tmux.tmux("new-session", "-d", "-s", "q", "-x", "20", "-y", "5", "sh -c \"" + script + "\"");
            long deadline = System.nanoTime() + 15_000_000_000L;
            while ((!Files.exists(out) || Files.size(out) == 0) && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(out).as("tmux's replies").exists();
            assertThat(visible(Files.readString(out, StandardCharsets.US_ASCII))).isEqualTo(visible(answers(20, 5, QUERIES)));
        }
    }
}
