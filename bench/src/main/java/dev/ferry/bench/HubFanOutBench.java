package dev.ferry.bench;

import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.HubLimits;
import dev.ferry.relay.hub.Participant;
import dev.ferry.relay.hub.ResizePolicy;
import dev.ferry.relay.hub.Seat;
import dev.ferry.relay.hub.Session;
import dev.ferry.relay.hub.SessionLog;
import dev.ferry.relay.hub.SessionSpec;
import dev.ferry.relay.hub.Source;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hub's cost for one 4 KiB chunk of coloured output: fed to the session's screen model and
 * queued for N stream participants, each of which then drains its seat (what their writers do).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HubFanOutBench {
    @Param({"1", "10", "100"})
    int participants;

    private Hub hub;
    private Session session;
    private final List<Seat> seats = new ArrayList<>();
    private byte[] chunk;

    private static final class Quiet implements Source, Participant {
        @Override public void input(byte[] data) {}
        @Override public void notice(String text) {}
        @Override public void ended(String reason) {}
        @Override public String transport() { return "bench"; }
        @Override public String address() { return "127.0.0.1"; }
        @Override public void wake() {}
        @Override public void disconnect(String reason) {}
    }

    @Setup
    public void setUp() throws Exception {
        hub = new Hub(HubLimits.DEFAULT, SessionLog.NONE, new FailureLimiter());
        Quiet quiet = new Quiet();
        session = hub.open(quiet, new SessionSpec("bench", false, 120, 40, "127.0.0.1", ResizePolicy.HOST));
        for (int i = 0; i < participants; i++) {
            Seat seat = hub.join(session.readOnlyToken(), quiet, Seat.Style.STREAM);
            seat.drain();
            seats.add(seat);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 4096; i++) {
            sb.append("\033[1;3").append(i % 8).append("m-rw-r--r-- 1 user group ").append(i).append(" file").append(i).append("\033[0m\r\n");
        }
        chunk = sb.substring(0, 4096).getBytes(StandardCharsets.US_ASCII);
    }

    @TearDown
    public void tearDown() {
        hub.close();
    }

    @Benchmark
    public int outputAndDrain() {
        session.output(chunk, 0, chunk.length);
        int n = 0;
        for (Seat s : seats) n += s.drain().size();
        return n;
    }
}
