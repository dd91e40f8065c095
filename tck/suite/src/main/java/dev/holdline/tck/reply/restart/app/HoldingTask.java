package dev.holdline.tck.reply.restart.app;

import dev.holdline.reply.OperationOutcome;
import dev.holdline.reply.Progress;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work of the restart test's operations: while holding is on (switched on over HTTP, off in a fresh
 * deployment) it waits until interrupted, as work does that is still running when the server stops;
 * otherwise it finishes at once, pointing at a resource named after its input. Used as
 * {@code HoldingTask::run}: the test JVM loads this class to pack it, without holdline-reply on its
 * class path, so it implements no holdline-reply interface.
 */
public final class HoldingTask {

    static final AtomicBoolean HOLDING = new AtomicBoolean();
    static final AtomicInteger RUNNING = new AtomicInteger();
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private HoldingTask() {
    }

    /** The task: see the class comment. */
    public static OperationOutcome run(String input, Progress progress) throws InterruptedException {
        if (HOLDING.get()) {
            RUNNING.incrementAndGet();
            try {
                NEVER.await();
            } finally {
                RUNNING.decrementAndGet();
            }
        }
        return OperationOutcome.resource("/results/" + input);
    }
}
