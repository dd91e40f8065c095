package dev.holdline.reply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operations this node has accepted or claimed and not yet finished: what its leases must be
 * renewed for, what cancellation and shutdown interrupt, and what recovery must leave alone.
 */
final class LocalWork {

    /** Why a worker was interrupted; decides how its operation is recorded. */
    enum Interruption { NONE, CANCEL, DEADLINE, SHUTDOWN, LEASE_LOST }

    /** One operation in this node's hands. */
    static final class Item {
        final String operationId;
        final Duration deadline;
        /** The submitting request's trace context, to link the run to; null after a restart. */
        final Object submitter;
        private Thread worker;
        private boolean finished;
        private volatile boolean cancelRequested;
        private volatile Interruption interruption = Interruption.NONE;

        Item(String operationId, Duration deadline, Object submitter) {
            this.operationId = operationId;
            this.deadline = deadline;
            this.submitter = submitter;
        }

        /** @return false when the item was already ended (by shutdown) before its worker started */
        synchronized boolean begin(Thread thread) {
            if (finished) {
                return false;
            }
            worker = thread;
            return true;
        }

        /** Called by the worker when it is done with the task; later interrupts no longer reach it. */
        synchronized void end() {
            worker = null;
            finished = true;
        }

        /** Asks the task to stop, and interrupts it so that blocking calls return. */
        void cancel() {
            cancelRequested = true;
            interrupt(Interruption.CANCEL);
        }

        boolean cancelRequested() {
            return cancelRequested;
        }

        Interruption interruption() {
            return interruption;
        }

        /** The first reason wins: a deadline that passes during a shutdown stays a deadline. */
        synchronized void interrupt(Interruption reason) {
            if (finished) {
                return;
            }
            if (interruption == Interruption.NONE) {
                interruption = reason;
            }
            if (worker != null) {
                worker.interrupt();
            }
        }

        /**
         * Takes the item from a worker that never started or never stopped, so that shutdown records it.
         *
         * @return whether the caller now owns the recording (no worker will record it)
         */
        synchronized boolean abandon() {
            if (finished) {
                return false;
            }
            finished = true;
            if (worker != null) {
                worker.interrupt();
                worker = null;
            }
            return true;
        }

        /** @return whether a worker is running the task now (not queued, not finished) */
        synchronized boolean isRunning() {
            return worker != null;
        }

        synchronized boolean isFinished() {
            return finished;
        }
    }

    private final Map<String, Item> items = new ConcurrentHashMap<>();

    Item add(String operationId, Duration deadline, Object submitter) {
        Item item = new Item(operationId, deadline, submitter);
        items.put(operationId, item);
        return item;
    }

    Item get(String operationId) {
        return items.get(operationId);
    }

    boolean contains(String operationId) {
        return items.containsKey(operationId);
    }

    void remove(Item item) {
        if (items.remove(item.operationId, item)) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    List<Item> all() {
        return new ArrayList<>(items.values());
    }

    int size() {
        return items.size();
    }

    /** Waits until no operation is in this node's hands, or {@code timeout} passes. */
    synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!items.isEmpty()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000), 0);
        }
        return true;
    }
}
