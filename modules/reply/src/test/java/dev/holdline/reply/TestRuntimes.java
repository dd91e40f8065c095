package dev.holdline.reply;

import dev.holdline.http.ProblemTypes;
import dev.holdline.reply.store.OperationStore;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/** Runtimes for the module's tests: real executor, timers and store, no servlet container. */
final class TestRuntimes {

    private TestRuntimes() {
    }

    /** The defaults, with a small pool and queue, a 1 s lease and a short drain. */
    static ReplySettings settings(String node, int threads, int queue) {
        return new ReplySettings(true, "/operations/*", "memory", "", "", "", "", "holdline_operation", threads, queue,
                false, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofHours(24), Duration.ofSeconds(1), Duration.ofMillis(500), false, node, ProblemTypes.defaults());
    }

    static ReplyRuntime start(ReplySettings settings, OperationStore store) {
        return start(settings, store, operations -> { });
    }

    /** Starts a runtime after {@code beforeStart} has declared what an application declares at start-up. */
    static ReplyRuntime start(ReplySettings settings, OperationStore store, Consumer<Operations> beforeStart) {
        ReplyRuntime runtime = new ReplyRuntime(settings, store, settings.node(), TestRuntimes.class.getClassLoader(),
                Clock.systemUTC());
        beforeStart.accept(runtime.operations());
        runtime.start();
        return runtime;
    }

    static ReplySettings withDrain(ReplySettings s, Duration drain) {
        return new ReplySettings(s.enabled(), s.mapping(), s.store(), s.dataSource(), s.jdbcUrl(), s.jdbcUser(),
                s.jdbcPassword(), s.table(), s.threads(), s.queue(), s.useManagedExecutor(), s.retryAfter(), s.waitMax(),
                s.waitRecheck(), s.deadline(), s.retention(), s.lease(), drain, s.idempotencyKeyRequired(), s.node(),
                s.problemTypes());
    }
}
