package dev.ferry.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Runs n tasks on virtual threads, at most {@code width} at a time, each result in order; the first failure throws. */
final class Parallel {
    interface Task<T> {
        T run(int i) throws Exception;
    }

    private Parallel() {}

    static <T> List<T> map(int n, int width, long timeoutSeconds, Task<T> task) throws Exception {
        Semaphore slots = new Semaphore(width);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(ex.submit(() -> {
                    slots.acquire();
                    try {
                        return task.run(k);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<T> out = new ArrayList<>(n);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            for (Future<T> f : futures) {
                try {
                    out.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (Exception e) {
                    futures.forEach(x -> x.cancel(true));
                    throw e;
                }
            }
            return out;
        }
    }
}
