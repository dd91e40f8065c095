package dev.holdline.reply;

import dev.holdline.reply.store.OperationStore;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The node's periodic duties towards the shared store, on the housekeeping thread: renew the leases
 * of the operations in its hands (and notice cancellations asked for on other nodes), take over
 * operations whose owner died (their lease lapsed), and purge expired ones.
 */
final class Housekeeping implements Runnable {

    private static final System.Logger LOG = System.getLogger(Housekeeping.class.getName());
    private static final int RECOVERY_BATCH = 100;

    private final ReplyRuntime runtime;
    private final Instant recoverFrom;

    /**
     * Recovery waits one lease period after start-up: the application declares its resumable kinds
     * while it starts, and an operation recovered before its kind is declared would be failed for good.
     */
    Housekeeping(ReplyRuntime runtime) {
        this.runtime = runtime;
        this.recoverFrom = runtime.clock().instant().plus(runtime.settings().lease());
    }

    @Override
    public void run() {
        try {
            renewLeases();
            if (!runtime.isShuttingDown() && !runtime.clock().instant().isBefore(recoverFrom)) {
                recover();
                runtime.store().purge(runtime.clock().instant().minus(runtime.settings().retention()));
            }
        } catch (RuntimeException e) {
            // The next round tries again; a store that is down for a while must not stop the schedule.
            LOG.log(System.Logger.Level.WARNING, "holdline-reply housekeeping failed; retrying next round", e);
        }
    }

    private void renewLeases() {
        OperationStore store = runtime.store();
        List<LocalWork.Item> items = runtime.work().all();
        // Running work first: if a round is slow, a lapsed lease of queued work only lets another node
        // run it, while a lapsed lease of running work costs a second run.
        items.sort(Comparator.comparing(item -> !item.isRunning()));
        for (LocalWork.Item item : items) {
            if (item.isFinished()) {
                continue; // its runner has recorded it, perhaps releasing the lease: never take that back
            }
            Instant now = runtime.clock().instant();
            Optional<Operation> renewed = store.claim(item.operationId, runtime.newLease(now), now);
            if (renewed.isEmpty()) {
                // Queued work that another node took over is skipped by its runner, whose claim fails;
                // only a task already running must be stopped, and its outcome dropped.
                Optional<Operation> stored = store.find(item.operationId);
                if (item.isRunning() && stored.isPresent() && !stored.get().status().isTerminal()) {
                    item.interrupt(LocalWork.Interruption.LEASE_LOST);
                }
                continue;
            }
            if (renewed.get().status() == OperationStatus.Canceling && !item.cancelRequested()) {
                item.cancel();
            }
        }
    }

    private void recover() {
        Instant now = runtime.clock().instant();
        for (Operation lapsed : runtime.store().expiredLeases(now, RECOVERY_BATCH)) {
            if (runtime.work().contains(lapsed.id())) {
                continue;
            }
            OperationTask task = runtime.resumableTask(lapsed.kind());
            boolean rerun = task != null && lapsed.status() != OperationStatus.Canceling;
            if (rerun && !runtime.executor().tryReserve()) {
                continue; // full: the lease stays lapsed and the next round tries again
            }
            Optional<Operation> claimed = runtime.store().claim(lapsed.id(), runtime.newLease(now), now);
            if (claimed.isEmpty()) {
                if (rerun) {
                    runtime.executor().release();
                }
                continue; // another node was faster
            }
            runtime.writes().published(claimed.get());
            if (rerun) {
                LOG.log(System.Logger.Level.INFO, () -> "Resuming operation " + lapsed.id() + " of kind " + lapsed.kind()
                        + " that nobody held any more (its lease lapsed or was released)");
                LocalWork.Item item = runtime.work().add(lapsed.id(), runtime.settings().deadlineOrNull(), null);
                try {
                    runtime.executor().execute(new OperationRunner(runtime, item, task));
                } catch (RuntimeException refused) {
                    runtime.work().remove(item);
                    runtime.executor().release();
                    LOG.log(System.Logger.Level.WARNING, "Could not resume operation " + lapsed.id(), refused);
                }
            } else {
                LOG.log(System.Logger.Level.INFO, () -> "Operation " + lapsed.id() + " (" + lapsed.status()
                        + ") lost its owner; recorded as interrupted");
                runtime.recordAbandoned(lapsed.id());
            }
        }
    }
}
