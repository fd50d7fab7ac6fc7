package dev.ferry.bench;

import dev.ferry.terminal.Terminal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse throughput: {@link TerminalInputs#SIZE} bytes of output fed in 4 KiB reads (what a PTY
 * read gives) into an 80x24 terminal with the default 2,000 lines of history, which is full after
 * the first invocation (steady state: every line scrolled off is packed and the oldest dropped).
 * One op is one byte, so the score in ops/s is bytes per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBench {
    private static final int READ = 4096;

    /**
     * ls: real {@code ls --color=always -laR /usr/share}; sgr: a colour change every 3-6 characters;
     * plain: uncoloured ls -l lines, as the end-to-end throughput benchmark writes.
     */
    @Param({"ls", "sgr", "plain"})
    public String input;

    private byte[] data;
    private Terminal terminal;

    @Setup(Level.Trial)
    public void setUp() {
        data = switch (input) {
            case "ls" -> TerminalInputs.lsLaR();
            case "plain" -> TerminalInputs.plainLines();
            default -> TerminalInputs.sgrHeavy();
        };
        terminal = new Terminal(80, 24);
    }

    @Benchmark
    @OperationsPerInvocation(TerminalInputs.SIZE)
    public Terminal parse() {
        for (int at = 0; at < data.length; at += READ) {
            terminal.feed(data, at, Math.min(READ, data.length - at));
        }
        return terminal;
    }
}
