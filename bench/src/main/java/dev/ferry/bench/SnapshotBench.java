package dev.ferry.bench;

import dev.ferry.terminal.Terminal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** What a late joiner costs: the snapshot of a screen full of coloured text (no history lines). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SnapshotBench {
    @Param({"80x24", "200x50"})
    public String size;

    private Terminal terminal;

    @Setup
    public void setUp() {
        int cols = Integer.parseInt(size.substring(0, size.indexOf('x')));
        int rows = Integer.parseInt(size.substring(size.indexOf('x') + 1));
        terminal = new Terminal(cols, rows);
        terminal.feed(TerminalInputs.colouredScreen(cols, rows));
    }

    @Benchmark
    public byte[] snapshot() {
        return terminal.snapshot(0);
    }
}
