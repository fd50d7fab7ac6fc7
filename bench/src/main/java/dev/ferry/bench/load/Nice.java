package dev.ferry.bench.load;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Threads at a lower scheduling priority: Linux lets a thread set its own nice value (setpriority on its thread id). */
final class Nice {
    private interface LibC extends Library {
        int gettid();

        int setpriority(int which, int who, int prio);
    }

    private static final int PRIO_PROCESS = 0;
    private static final LibC LIBC = Native.load("c", LibC.class);

    private Nice() {}

    /** A pool whose threads run at {@code nice} (0: as usual). */
    static QueuedThreadPool pool(int maxThreads, int nice) {
        return new QueuedThreadPool(maxThreads) {
            @Override
            public Thread newThread(Runnable job) {
                return super.newThread(() -> {
                    if (nice != 0 && LIBC.setpriority(PRIO_PROCESS, LIBC.gettid(), nice) != 0) {
                        Ctx.log("nice: setpriority failed; " + Thread.currentThread().getName() + " runs at the usual priority");
                    }
                    job.run();
                });
            }
        };
    }
}
