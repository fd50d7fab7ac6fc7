package dev.ferry.relay.ssh;

import dev.ferry.relay.hub.Session;
import dev.ferry.relay.hub.Source;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A source standing in for a host's PTY: it records what reaches it, and echoes read-write input
 * back as output (as a shell's tty would), so joiners see what was typed.
 */
final class TestSource implements Source {
    private final ByteArrayOutputStream input = new ByteArrayOutputStream();
    final List<String> notices = new CopyOnWriteArrayList<>();
    final List<String> resizes = new CopyOnWriteArrayList<>();
    volatile String endedReason;
    volatile Session session;
    volatile boolean echo = true;

    @Override
    public void input(byte[] data) {
        synchronized (input) {
            input.writeBytes(data);
        }
        Session s = session;
        if (echo && s != null) {
            s.output(data, 0, data.length);  // the hub calls sources outside its lock
        }
    }

    String input() {
        synchronized (input) {
            return input.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void notice(String text) {
        notices.add(text);
    }

    @Override
    public void resize(int cols, int rows) {
        resizes.add(cols + "x" + rows);
    }

    @Override
    public void ended(String reason) {
        endedReason = reason;
    }

    void output(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        session.output(b, 0, b.length);
    }

    static <T> T await(Duration timeout, String what, java.util.function.Supplier<T> value, Predicate<T> ok) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        T v = value.get();
        while (!ok.test(v)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what + "; last value: " + v);
            }
            Thread.sleep(50);
            v = value.get();
        }
        return v;
    }
}
