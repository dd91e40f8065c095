package dev.holdline.reply;

import dev.holdline.http.Problem;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one operation on a worker thread: claims its lease, moves it to {@code Running}, runs the task
 * under its deadline, and records how it ended. Every write checks that this node still holds the
 * lease, so that a node that lost it (it stalled past the lease and another node took over) never
 * overwrites the other's work.
 */
final class OperationRunner implements Runnable {

    private static final System.Logger LOG = System.getLogger(OperationRunner.class.getName());

    private final ReplyRuntime runtime;
    private final LocalWork.Item item;
    private final OperationTask task;

    OperationRunner(ReplyRuntime runtime, LocalWork.Item item, OperationTask task) {
        this.runtime = runtime;
        this.item = item;
        this.task = task;
    }

    @Override
    public void run() {
        try {
            if (item.begin(Thread.currentThread())) {
                execute();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Running operation " + item.operationId + " failed in Holdline itself", e);
        } finally {
            item.end();
            // An interrupt meant for this task must not hit the next one on this pooled thread.
            Thread.interrupted();
            runtime.work().remove(item);
            runtime.executor().release();
        }
    }

    private void execute() {
        if (runtime.isShuttingDown()) {
            runtime.recordAbandoned(item.operationId);
            return;
        }
        Instant now = runtime.clock().instant();
        Optional<Operation> claimed = runtime.store().claim(item.operationId, runtime.newLease(now), now);
        if (claimed.isEmpty()) {
            return; // canceled while queued, or another node holds it
        }
        Operation operation = claimed.get();
        if (operation.status() == OperationStatus.Canceling) {
            runtime.writes().apply(item.operationId, this::cancelIfOwned);
            return;
        }
        Optional<Operation> running = runtime.writes().apply(item.operationId, current ->
                runtime.ownsLease(current) && current.status() == OperationStatus.NotStarted
                        ? current.start(runtime.clock().instant()) : current);
        if (running.isEmpty() || running.get().status() != OperationStatus.Running || !runtime.ownsLease(running.get())) {
            return;
        }
        ScheduledFuture<?> deadline = item.deadline == null ? null : runtime.scheduler().schedule(
                () -> item.interrupt(LocalWork.Interruption.DEADLINE), item.deadline.toNanos(), TimeUnit.NANOSECONDS);
        ExecutionTelemetry.ExecutionSpan span = ExecutionTelemetry.INSTANCE.start(operation.kind(), item.operationId, item.submitter);
        OperationOutcome outcome = null;
        Throwable failure = null;
        try {
            outcome = task.run(operation.input(), new RunnerProgress(runtime, item));
            if (outcome == null) {
                outcome = OperationOutcome.done();
            }
        } catch (Throwable thrown) {
            if (thrown instanceof Error error && !(thrown instanceof AssertionError)) {
                LOG.log(System.Logger.Level.ERROR, "Operation " + item.operationId + " ended with an Error", error);
            }
            failure = thrown;
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
        item.end();
        boolean interruptedByOthers = Thread.interrupted() && item.interruption() == LocalWork.Interruption.NONE
                || failure instanceof InterruptedException && item.interruption() == LocalWork.Interruption.NONE;
        try {
            if (interruptedByOthers && outcome == null) {
                // Not our interrupt: the server is stopping the application's tasks (Payara cancels
                // them on undeploy). That is a shutdown, not a failure of the work.
                runtime.recordAbandoned(item.operationId);
                return;
            }
            record(outcome, failure);
        } finally {
            span.end(currentStatus());
        }
    }

    private void record(OperationOutcome outcome, Throwable failure) {
        switch (item.interruption()) {
            case SHUTDOWN -> {
                if (outcome == null) {
                    runtime.recordAbandoned(item.operationId);
                    return;
                }
            }
            case DEADLINE -> {
                fail(runtime.problems().deadlineExceeded(item.deadline));
                return;
            }
            case LEASE_LOST -> {
                LOG.log(System.Logger.Level.WARNING, () -> "Operation " + item.operationId
                        + " was taken over by another node after this node's lease lapsed; its outcome here is dropped");
                return;
            }
            default -> {
            }
        }
        if (outcome != null) {
            Instant now = runtime.clock().instant();
            runtime.writes().apply(item.operationId, current -> runtime.ownsLease(current) && !current.status().isTerminal()
                    ? runtime.expiring(current.succeed(outcome.resourceLocation(), outcome.resultJson(), now), now) : current);
        } else if (item.cancelRequested() || currentStatus() == OperationStatus.Canceling) {
            runtime.writes().apply(item.operationId, this::cancelIfOwned);
        } else if (failure instanceof OperationFailedException failed) {
            fail(failed.problem());
        } else {
            LOG.log(System.Logger.Level.WARNING, "Operation " + item.operationId + " failed", failure);
            fail(runtime.problems().taskFailed());
        }
    }

    private OperationStatus currentStatus() {
        return runtime.store().find(item.operationId).map(Operation::status).orElse(null);
    }

    private Operation cancelIfOwned(Operation current) {
        if (!runtime.ownsLease(current) || current.status().isTerminal()) {
            return current;
        }
        Instant now = runtime.clock().instant();
        Operation canceling = current.status() == OperationStatus.Running ? current.requestCancel(now) : current;
        return runtime.expiring(canceling.status() == OperationStatus.Canceled ? canceling : canceling.cancel(now), now);
    }

    private void fail(Problem problem) {
        Instant now = runtime.clock().instant();
        runtime.writes().apply(item.operationId, current -> runtime.ownsLease(current) && !current.status().isTerminal()
                ? runtime.expiring(current.fail(problem.toJson(), now), now) : current);
    }

    /** The task's view of its operation. */
    private static final class RunnerProgress implements Progress {
        private final ReplyRuntime runtime;
        private final LocalWork.Item item;
        private final long deadlineNanos;

        RunnerProgress(ReplyRuntime runtime, LocalWork.Item item) {
            this.runtime = runtime;
            this.item = item;
            this.deadlineNanos = item.deadline == null ? 0 : System.nanoTime() + item.deadline.toNanos();
        }

        @Override
        public String operationId() {
            return item.operationId;
        }

        @Override
        public void report(Integer percentComplete, String message) {
            if (percentComplete != null && (percentComplete < 0 || percentComplete > 100)) {
                throw new IllegalArgumentException("percentComplete must be 0..100: " + percentComplete);
            }
            runtime.writes().apply(item.operationId, current -> {
                if (!runtime.ownsLease(current) || current.status().isTerminal()
                        || java.util.Objects.equals(current.percentComplete(), percentComplete)
                        && java.util.Objects.equals(current.message(), message)) {
                    return current;
                }
                return current.progress(percentComplete, message, runtime.clock().instant());
            });
        }

        @Override
        public boolean cancelRequested() {
            return item.cancelRequested();
        }

        @Override
        public Optional<Duration> remaining() {
            if (item.deadline == null) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
        }
    }
}
