package dev.ferry.bench;

import dev.ferry.terminal.Renderer;
import dev.ferry.terminal.Terminal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What an SSH joiner costs per update: output arrives, the session takes a frame, the joiner's
 * renderer diffs it against what the joiner shows. Each op includes the feed and frame() too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderBench {
    @Param({"80x24", "200x50"})
    public String size;

    private Terminal terminal;
    private Renderer renderer;
    private byte[][] lineEdits;
    private byte[][] scrolls;
    private int n;

    @Setup
    public void setUp() {
        int cols = Integer.parseInt(size.substring(0, size.indexOf('x')));
        int rows = Integer.parseInt(size.substring(size.indexOf('x') + 1));
        terminal = new Terminal(cols, rows);
        terminal.feed(TerminalInputs.colouredScreen(cols, rows));
        renderer = new Renderer(cols, rows);
        renderer.render(terminal.frame(), null);
        lineEdits = new byte[16][];
        scrolls = new byte[16][];
        for (int i = 0; i < 16; i++) {
            // a prompt-like edit: rewrite part of one row (different text each time)
            lineEdits[i] = ("\033[" + (rows / 2) + ";1H\033[32m$ \033[0mmake test " + i + "\033[K")
                    .getBytes(StandardCharsets.US_ASCII);
            // a new full line at the bottom: the whole screen scrolls up one row
            StringBuilder sb = new StringBuilder("\033[" + rows + ";1H\r\n\033[1;34m");
            for (int x = 0; sb.length() < cols + 24; x++) {
                sb.append((char) ('a' + (x + i) % 26));
            }
            sb.setLength(cols + 12);
            scrolls[i] = sb.append("\033[0m").toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    @Benchmark
    public byte[] oneLineChange() {
        terminal.feed(lineEdits[n++ & 15]);
        return renderer.render(terminal.frame(), null);
    }

    @Benchmark
    public byte[] fullScreenScroll() {
        terminal.feed(scrolls[n++ & 15]);
        return renderer.render(terminal.frame(), null);
    }
}
