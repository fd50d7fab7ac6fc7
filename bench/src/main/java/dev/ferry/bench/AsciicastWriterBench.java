package dev.ferry.bench;

import dev.ferry.protocol.asciicast.AsciicastWriter;
import dev.ferry.protocol.asciicast.Header;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of recording terminal output: one {@link AsciicastWriter#output} call per PTY read, into a sink that
 * discards the bytes (so this measures decoding, escaping and buffering, not the disk). Reads are cut at odd
 * offsets so characters straddle calls, as they do in real PTY reads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AsciicastWriterBench {
    /** ascii: {@code ls -l --color}; plain: {@code ls -l}, printable lines ending in CR LF; mixed: UTF-8 text. */
    @Param({"ascii", "plain", "mixed"})
    public String text;

    @Param({"64", "4096"})
    public int chunk;

    private byte[] data;
    private AsciicastWriter writer;
    private int offset;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String line = switch (text) {
            case "ascii" -> "drwxr-xr-x  2 root root  4096 Nov 22 00:14 \u001b[01;34mbin\u001b[0m -> usr/bin\r\n";
            case "plain" -> "-rw-r--r--  1 alice staff  18230 Nov 22 00:14 AsciicastWriter.java\r\n";
            default -> "Grüße aus Köln — 東京の天気は晴れ ☀ \u001b[1;31m错误\u001b[0m 😀\r\n";
        };
        data = line.repeat(1 + 16 * chunk / line.length()).getBytes(StandardCharsets.UTF_8);
        writer = new AsciicastWriter(OutputStream.nullOutputStream(), Header.of(80, 24), System::nanoTime);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        writer.close();
    }

    /** One PTY read's worth of output recorded; throughput in reads per second (times chunk = bytes per second). */
    @Benchmark
    public void output() throws IOException {
        int n = chunk - 1 + (offset & 1); // vary the cut so multi-byte characters get split
        if (offset + n > data.length) {
            offset = 0;
        }
        writer.output(data, offset, n);
        offset += n;
    }
}
