package dev.ferry.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The same workloads as the JMH benchmarks, timed by the thread's CPU time rather than the wall
 * clock: on a shared, loaded machine the wall clock also counts the time other processes had the
 * core, CPU time does not (cache and frequency effects remain). Prints the median of 15 rounds
 * after 10 warm-up rounds. Run: {@code bench/jmh --cpu}.
 */
public final class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTime() {}

    public static void main(String[] args) {
        for (String input : new String[] {"ls", "sgr"}) {
            ParseBench b = new ParseBench();
            b.input = input;
            b.setUp();
            double ns = median(b::parse, 3);
            System.out.printf("parse %-4s %8.1f MB/s%n", input, TerminalInputs.SIZE / ns * 1000);
        }
        for (String size : new String[] {"80x24", "200x50"}) {
            SnapshotBench s = new SnapshotBench();
            s.size = size;
            s.setUp();
            System.out.printf("snapshot %-6s %8.2f us%n", size, median(s::snapshot, 2000) / 1000);
            RenderBench r = new RenderBench();
            r.size = size;
            r.setUp();
            System.out.printf("render one-line %-6s %8.2f us%n", size, median(r::oneLineChange, 2000) / 1000);
            System.out.printf("render scroll %-6s %8.2f us%n", size, median(r::fullScreenScroll, 2000) / 1000);
        }
    }

    /** Median CPU nanoseconds per call over 15 rounds of {@code calls} calls, after 10 warm-up rounds. */
    private static double median(Runnable work, int calls) {
        double[] rounds = new double[25];
        for (int i = 0; i < rounds.length; i++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int c = 0; c < calls; c++) {
                work.run();
            }
            rounds[i] = (THREADS.getCurrentThreadCpuTime() - t0) / (double) calls;
        }
        double[] measured = Arrays.copyOfRange(rounds, 10, rounds.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
