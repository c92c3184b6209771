package io.contextualtargeting.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of threads that share out ranges of rows. Each row's result depends only on its own
 * inputs, so how rows fall to threads never changes what is computed.
 */
final class Workers implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    private Workers(int threads, ExecutorService pool) {
        this.threads = threads;
        this.pool = pool;
    }

    static Workers start(int threads) {
        return new Workers(threads, threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "engine-worker");
            thread.setDaemon(true);
            return thread;
        }));
    }

    int threads() {
        return threads;
    }

    /** A task over rows {@code [from, to)}, run by worker number {@code worker} (for its scratch space). */
    interface RangeTask {
        void run(int worker, int from, int to);
    }

    /** Runs {@code task} over {@code [0, rows)} in chunks of {@code chunk} rows and waits for all of them. */
    void forEachRange(int rows, int chunk, RangeTask task) {
        if (pool == null) {
            task.run(0, 0, rows);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                for (int from = next.getAndAdd(chunk); from < rows; from = next.getAndAdd(chunk)) {
                    task.run(worker, from, Math.min(rows, from + chunk));
                }
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
