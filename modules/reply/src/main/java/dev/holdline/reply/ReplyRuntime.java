package dev.holdline.reply;

import dev.holdline.reply.store.OperationStore;
import jakarta.servlet.ServletContext;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Asynchronous request-reply in one web application: its store, its executor, its timers, the
 * operations in this node's hands and the shutdown that ends them. Created by {@link ReplyInitializer}
 * at deployment, kept in the {@link ServletContext}, closed when the context is destroyed.
 */
public final class ReplyRuntime {

    private static final System.Logger LOG = System.getLogger(ReplyRuntime.class.getName());

    /** The servlet context attribute holding the runtime. */
    static final String ATTRIBUTE = ReplyRuntime.class.getName();
    /** Where Jakarta EE servers offer their default managed executor. */
    static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    private final ReplySettings settings;
    private final String name;
    private final ClassLoader applicationLoader;
    private final ReplyProblems problems;
    private final OperationStore store;
    private final Clock clock;
    private final OperationChanges changes = new OperationChanges();
    private final OperationWrites writes;
    private final LocalWork work = new LocalWork();
    private final Map<String, OperationTask> resumable = new ConcurrentHashMap<>();
    private final List<Runnable> shutdownActions = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor scheduler;
    private final ScheduledThreadPoolExecutor housekeeping;
    private final Operations operations;
    private volatile WorkExecutor executor;
    private volatile boolean shuttingDown;

    ReplyRuntime(ReplySettings settings, OperationStore store, String name, ClassLoader applicationLoader, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.name = name;
        this.applicationLoader = applicationLoader;
        this.clock = clock;
        this.problems = new ReplyProblems(settings.problemTypes());
        this.writes = new OperationWrites(store, changes);
        this.scheduler = daemonScheduler("holdline-reply timer " + name);
        // Most timers are cancelled by a change; without this they would pile up until they are due.
        scheduler.setRemoveOnCancelPolicy(true);
        // Store calls can block, so leases and recovery get their own thread and never delay a timer.
        this.housekeeping = daemonScheduler("holdline-reply housekeeping " + name);
        this.operations = new Operations(this);
    }

    /**
     * The runtime of the application that owns this context.
     *
     * @throws IllegalStateException if holdline-reply was not initialised for it
     */
    public static ReplyRuntime of(ServletContext context) {
        Object runtime = context.getAttribute(ATTRIBUTE);
        if (runtime instanceof ReplyRuntime reply) {
            return reply;
        }
        throw new IllegalStateException("Asynchronous request-reply is not initialised in " + context.getContextPath()
                + ": is holdline-reply in WEB-INF/lib and are ServletContainerInitializers scanned?");
    }

    /** @return the application's entry point for submitting and managing operations */
    public Operations operations() {
        return operations;
    }

    /** @return operations accepted or running on this node now */
    public int inFlight() {
        return work.size();
    }

    ReplySettings settings() {
        return settings;
    }

    ReplyProblems problems() {
        return problems;
    }

    OperationStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    OperationChanges changes() {
        return changes;
    }

    OperationWrites writes() {
        return writes;
    }

    LocalWork work() {
        return work;
    }

    boolean isShuttingDown() {
        return shuttingDown;
    }

    void onShutdown(Runnable action) {
        shutdownActions.add(action);
    }

    void declareResumable(String kind, OperationTask task) {
        resumable.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(task, "task"));
    }

    OperationTask resumableTask(String kind) {
        return resumable.get(kind);
    }

    /**
     * The executor, found on first use: the server's managed executor can only be looked up from a
     * thread of the application (a request, or the deployment's listener), not from our own threads.
     */
    WorkExecutor executor() {
        WorkExecutor current = executor;
        if (current == null) {
            synchronized (this) {
                current = executor;
                if (current == null) {
                    current = createExecutor();
                    executor = current;
                }
            }
        }
        return current;
    }

    private WorkExecutor createExecutor() {
        int limit = settings.threads() + settings.queue();
        if (settings.useManagedExecutor()) {
            try {
                Object found = new InitialContext().lookup(MANAGED_EXECUTOR);
                if (found instanceof ExecutorService managed) {
                    LOG.log(System.Logger.Level.INFO, () -> "holdline-reply in " + name + ": operations run on " + MANAGED_EXECUTOR);
                    return WorkExecutor.managed(managed, limit);
                }
            } catch (NamingException | RuntimeException | LinkageError absent) {
                LOG.log(System.Logger.Level.DEBUG, () -> "No " + MANAGED_EXECUTOR + " (" + absent + "); using a bounded pool");
            }
        }
        return WorkExecutor.pool(settings.threads(), limit, name, applicationLoader);
    }

    /** A lease for this node from {@code now}. */
    Lease newLease(Instant now) {
        return new Lease(settings.node(), now.plus(settings.lease()));
    }

    boolean ownsLease(Operation operation) {
        return operation.lease() != null && operation.lease().owner().equals(settings.node());
    }

    /** A terminal operation stays readable for the retention period. */
    Operation expiring(Operation terminal, Instant now) {
        return terminal.withExpiration(now.plus(settings.retention()));
    }

    /**
     * Records an operation this node gives up at shutdown: a resumable kind in a durable store is
     * released for a later run (here after a restart, or on another node now); anything else fails as
     * {@code interrupted}, because nobody will ever run it.
     */
    void recordAbandoned(String operationId) {
        Instant now = clock.instant();
        writes.apply(operationId, current -> {
            if (!ownsLease(current) || current.status().isTerminal()) {
                return current;
            }
            if (store.durable() && resumable.containsKey(current.kind()) && current.status() != OperationStatus.Canceling) {
                return current.withLease(null);
            }
            return expiring(current.status() == OperationStatus.Canceling ? current.cancel(now)
                    : current.fail(problems.interrupted().toJson(), now), now);
        });
    }

    /** Starts renewing leases and recovering other nodes' lapsed operations. */
    void start() {
        executor();
        long period = Math.max(200, settings.lease().toMillis() / 3);
        housekeeping.scheduleWithFixedDelay(new Housekeeping(this), 0, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Refuses new submissions, answers parked waits, lets running work finish for the drain period,
     * then interrupts what is left and records it (see {@link #recordAbandoned(String)}).
     */
    void close() {
        shuttingDown = true;
        // Renewals stop first: a renewal racing the release of a lease below would take it back. The
        // drain is shorter than a lease (checked at start-up), so no lease lapses while work finishes.
        housekeeping.shutdownNow();
        try {
            housekeeping.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Runnable action : shutdownActions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A holdline-reply shutdown action failed", e);
            }
        }
        try {
            if (!work.awaitEmpty(settings.drain())) {
                for (LocalWork.Item item : work.all()) {
                    item.interrupt(LocalWork.Interruption.SHUTDOWN);
                }
                // A task that honours interrupts records itself now; give it a moment to do so.
                work.awaitEmpty(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (LocalWork.Item item : work.all()) {
            if (item.abandon()) {
                LOG.log(System.Logger.Level.WARNING, () -> "Operation " + item.operationId
                        + " did not stop within the drain period of " + settings.drain() + "; recorded as interrupted");
                try {
                    recordAbandoned(item.operationId);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Could not record operation " + item.operationId + " at shutdown", e);
                }
            }
            work.remove(item);
        }
        scheduler.shutdownNow();
        WorkExecutor current = executor;
        if (current != null) {
            current.shutdownNow();
        }
    }

    /** For log lines. */
    String describe() {
        return settings.describe() + (store.durable() ? "" : "; the in-memory store loses every operation on restart");
    }

    private static ScheduledThreadPoolExecutor daemonScheduler(String threadName) {
        return new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }
}
