package dev.ferry.relay.hub;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A sticky wake-up signal for a participant's writer: {@link #wake} never blocks and is remembered
 * until the writer next {@link #await awaits}. Many wakes collapse into one.
 */
public final class Wakeup {
    private final Semaphore permit = new Semaphore(0);

    public void wake() {
        if (permit.availablePermits() == 0) {
            permit.release();
        }
    }

    /** Waits for a wake; true if woken, false on timeout. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        boolean woken = permit.tryAcquire(timeout, unit);
        permit.drainPermits();
        return woken;
    }
}
