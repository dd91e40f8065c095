package dev.holdline.longpoll;

import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Long polling in one web application: its {@link Topics}, its parked requests and its one scheduler
 * thread for every wait deadline. Created by {@link LongPollInitializer} at deployment, stored in the
 * {@link ServletContext}, and shut down when the context is destroyed.
 */
public final class LongPollRuntime {

    private static final System.Logger LOG = System.getLogger(LongPollRuntime.class.getName());

    /** The servlet context attribute holding the runtime. */
    static final String ATTRIBUTE = LongPollRuntime.class.getName();

    private final LongPollSettings settings;
    private final Problems problems;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ParkingLot lot;
    private final TopicRegistry topics;

    LongPollRuntime(LongPollSettings settings, String name, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.problems = new Problems(settings.problemTypes());
        this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "holdline-longpoll " + name);
            thread.setDaemon(true);
            return thread;
        });
        // Most deadlines are cancelled by a publish; without this they would pile up until they are due.
        scheduler.setRemoveOnCancelPolicy(true);
        this.lot = new ParkingLot(scheduler, problems, settings.maxParked(), settings.maxParkedPerTopic());
        this.topics = new TopicRegistry(lot, problems, clock, settings.eventLogFactory());
        settings.topics().forEach(topics::declare);
    }

    /**
     * The runtime of the application that owns this context.
     *
     * @throws IllegalStateException if holdline-longpoll was not initialised for it (the jar is not in
     *                               the application, or its initializer did not run)
     */
    public static LongPollRuntime of(ServletContext context) {
        Object runtime = context.getAttribute(ATTRIBUTE);
        if (runtime instanceof LongPollRuntime longPoll) {
            return longPoll;
        }
        throw new IllegalStateException("Long polling is not initialised in " + context.getContextPath()
                + ": is holdline-longpoll in WEB-INF/lib and are ServletContainerInitializers scanned?");
    }

    /** The application's topics. */
    public Topics topics() {
        return topics;
    }

    /** Requests parked in this application now. */
    public int parked() {
        return lot.parked();
    }

    /** Requests parked on one topic now; 0 for an undeclared topic. */
    public int parked(String topic) {
        Topic found = topic == null ? null : topics.topic(topic);
        return found == null ? 0 : found.parked.get();
    }

    /**
     * Answers every parked request with {@code 503}, {@code Retry-After} and {@code Connection: close},
     * and every later request the same. Idempotent; called on undeploy, or earlier by an application
     * that knows it is about to go away.
     */
    public void beginShutdown() {
        lot.beginShutdown(topics.all());
    }

    boolean isShuttingDown() {
        return lot.isShuttingDown();
    }

    LongPollSettings settings() {
        return settings;
    }

    Problems problems() {
        return problems;
    }

    ParkingLot lot() {
        return lot;
    }

    TopicRegistry registry() {
        return topics;
    }

    /**
     * Shuts down, waits up to the drain period for requests still being parked concurrently, then stops
     * the scheduler, which answers any straggler through its rejected deadline.
     */
    void close() {
        beginShutdown();
        long deadline = System.nanoTime() + settings.drain().toNanos();
        while (lot.parked() > 0 && System.nanoTime() - deadline < 0) {
            beginShutdown();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        scheduler.shutdownNow();
        if (lot.parked() > 0) {
            LOG.log(System.Logger.Level.WARNING, lot.parked() + " long-poll requests were still parked after the drain period of "
                    + settings.drain());
        }
    }
}
