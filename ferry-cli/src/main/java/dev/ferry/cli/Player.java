package dev.ferry.cli;

import dev.ferry.protocol.asciicast.AsciicastReader;
import dev.ferry.protocol.asciicast.Event;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * Plays a recording's output with its timing: every pause between output events is capped at the idle limit and
 * divided by the speed. Output recorded before {@code from} is written at once. With keys: space pauses and
 * resumes, '.' shows the next event while paused, 'q' (or Ctrl-C) quits.
 */
final class Player {
    /** Playback settings; {@code idleLimitSeconds} null means no cap. */
    record Options(double speed, Double idleLimitSeconds, double fromSeconds) {
        Options {
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("--speed must be a positive number");
            }
            if (idleLimitSeconds != null && !(idleLimitSeconds > 0)) {
                throw new IllegalArgumentException("--idle-limit must be a positive number of seconds");
            }
            if (!(fromSeconds >= 0)) {
                throw new IllegalArgumentException("--from must be zero or more seconds");
            }
        }
    }

    /** How playback ended. */
    enum End { FINISHED, QUIT }

    private final OutputStream out;
    private final Options options;
    private final LongSupplier nanoClock;
    private final Keys keys;
    private boolean paused;
    private long pausedAt;
    /** Clock reading at which the capped, scaled timeline is zero; moves forward by every pause. */
    private long base;

    /** Waits go through {@code keys} (see {@link Keys#none()}), timed by {@code nanoClock}. */
    Player(OutputStream out, Options options, Keys keys, LongSupplier nanoClock) {
        this.out = out;
        this.options = options;
        this.keys = keys;
        this.nanoClock = nanoClock;
    }

    End play(AsciicastReader recording) throws IOException, InterruptedException {
        long fromMicros = Math.round(options.fromSeconds() * 1e6);
        long capMicros = options.idleLimitSeconds() == null ? Long.MAX_VALUE : Math.round(options.idleLimitSeconds() * 1e6);
        long previous = 0;
        long timeline = 0; // microseconds of recording time after capping, counted from --from
        base = nanoClock.getAsLong();
        for (Event e; (e = recording.next()) != null; ) {
            if (e.type() != Event.Type.OUTPUT) {
                continue;
            }
            if (e.micros() < fromMicros) {
                write(e); // fast-forward
                continue;
            }
            timeline += Math.min(Math.max(0, e.micros() - Math.max(previous, fromMicros)), capMicros);
            previous = e.micros();
            if (!waitFor(timeline)) {
                out.flush();
                return End.QUIT;
            }
            write(e);
        }
        out.flush();
        return End.FINISHED;
    }

    /** Waits until {@code timeline} microseconds of play time, serving keys; false when the user quit. */
    private boolean waitFor(long timeline) throws IOException, InterruptedException {
        while (true) {
            long target = base + (long) (timeline * 1000 / options.speed());
            long now = nanoClock.getAsLong();
            if (!paused && target <= now) {
                return true;
            }
            out.flush(); // everything due is on screen before we sit still
            Integer key = paused ? Integer.valueOf(keys.take()) : keys.poll(target - now);
            if (key == null) {
                continue; // timed out: the event is due
            }
            now = nanoClock.getAsLong();
            switch (key.intValue()) {
                case 'q', 'Q', 3 -> {
                    return false;
                }
                case ' ' -> {
                    if (paused) {
                        base += now - pausedAt;
                        paused = false;
                    } else {
                        paused = true;
                        pausedAt = now;
                    }
                }
                case '.' -> {
                    if (paused) {
                        // show this event now and stay paused with the timeline moved to it
                        base = now - (long) (timeline * 1000 / options.speed());
                        pausedAt = now;
                        return true;
                    }
                }
                case Keys.END -> {
                    // the terminal went away: play on; later polls simply time out
                    if (paused) {
                        base += now - pausedAt;
                        paused = false;
                    }
                }
                default -> { } // other keys do nothing
            }
        }
    }

    private void write(Event e) throws IOException {
        out.write(e.data().getBytes(StandardCharsets.UTF_8));
    }
}
