package dev.holdline.reply;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs operations, and bounds how many are accepted but unfinished on this node. The bound is a
 * reservation taken before an operation is stored, so that a full node answers 503 without storing
 * anything: that works the same whether the work runs on the server's managed executor (whose queue we
 * cannot see) or on our own pool.
 */
final class WorkExecutor {

    private static final System.Logger LOG = System.getLogger(WorkExecutor.class.getName());

    private final ExecutorService delegate;
    private final boolean owned;
    private final Semaphore capacity;
    private final int limit;

    private WorkExecutor(ExecutorService delegate, boolean owned, int limit) {
        this.delegate = delegate;
        this.owned = owned;
        this.limit = limit;
        this.capacity = new Semaphore(limit);
    }

    /** The server's managed executor; it is not ours to shut down. */
    static WorkExecutor managed(ExecutorService managed, int limit) {
        return new WorkExecutor(managed, false, limit);
    }

    /** Our own pool of {@code threads} workers, for containers without a managed executor. */
    static WorkExecutor pool(int threads, int limit, String name, ClassLoader applicationLoader) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "holdline-reply " + name + " #" + count.incrementAndGet());
                    thread.setDaemon(true);
                    // Tasks load application classes (JDBC drivers, JSON libraries) by the context loader.
                    thread.setContextClassLoader(applicationLoader);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return new WorkExecutor(pool, true, limit);
    }

    /** @return whether a place was reserved; pair each true with one {@link #release()} */
    boolean tryReserve() {
        return capacity.tryAcquire();
    }

    void release() {
        capacity.release();
    }

    /** @return operations accepted and not yet finished on this node */
    int inUse() {
        return limit - capacity.availablePermits();
    }

    /** @return whether the work runs on the server's managed executor */
    boolean isManaged() {
        return !owned;
    }

    /**
     * Runs work for which a place is reserved.
     *
     * @throws RejectedExecutionException when the underlying executor refuses (it is shutting down)
     */
    Future<?> execute(Runnable work) {
        return delegate.submit(work);
    }

    /** Stops our own pool's threads; a managed executor is left to its server. */
    void shutdownNow() {
        if (owned) {
            for (Runnable neverStarted : delegate.shutdownNow()) {
                LOG.log(System.Logger.Level.DEBUG, () -> "Dropped a queued operation runner at shutdown: " + neverStarted);
            }
        }
    }
}
