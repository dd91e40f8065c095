package dev.holdline.perf.guard;

import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What each guard's interceptor costs per call, and the whole chain, against the same bean method
 * without a guard, all through Weld's client proxies; SmallRye Fault Tolerance's {@code @Bulkhead} and
 * {@code @RateLimit} in the same container for comparison. Limits are set so that no call is refused:
 * this is the cost of the admitted call, which is what every request pays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Dmp.fault.tolerance.metrics.enabled=false", "-DMP_Fault_Tolerance_Metrics_Enabled=false"})
public class GuardBenchmark {

    private WeldContainer container;
    private SmallRyeGuardedBeans.Unguarded unguarded;
    private SmallRyeGuardedBeans.Bulkheaded bulkheaded;
    private SmallRyeGuardedBeans.RateLimitedBySmallRye smallRyeRateLimited;
    private HoldlineGuardedBeans.LoggedBean logged;
    private HoldlineGuardedBeans.TracedBean traced;
    private HoldlineGuardedBeans.RateLimitedBean rateLimited;
    private HoldlineGuardedBeans.ConcurrencyLimitedBean concurrencyLimited;
    private HoldlineGuardedBeans.DeadlineBean deadline;
    private HoldlineGuardedBeans.WholeChainBean wholeChain;
    private long value;
    /** Held strongly: java.util.logging keeps only weak references to its loggers and would forget the handler. */
    private final java.util.logging.Logger accessLog = java.util.logging.Logger.getLogger("dev.holdline.guard.access");
    private long lines;

    @Setup(Level.Trial)
    public void start() {
        // Writing the access log's lines to a console or file would measure that I/O, not the guard: the lines
        // go to a handler that drops them, so @Logged pays for building each line and its log record.
        accessLog.setUseParentHandlers(false);
        accessLog.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines++;
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        // Discovery is off (only these beans and the guards' own), so extensions found through ServiceLoader
        // are not loaded either: SmallRye's and MicroProfile Config's are added by hand.
        container = new Weld("guard-benchmark").disableDiscovery()
                .addExtension(new io.smallrye.faulttolerance.FaultToleranceExtension())
                .addExtension(new io.smallrye.config.inject.ConfigExtension())
                .addPackages(true, dev.holdline.guard.GuardRejectedException.class)
                .addBeanClasses(SmallRyeGuardedBeans.Unguarded.class, SmallRyeGuardedBeans.Bulkheaded.class,
                        SmallRyeGuardedBeans.RateLimitedBySmallRye.class, SmallRyeGuardedBeans.RateLimitProbe.class,
                        HoldlineGuardedBeans.LoggedBean.class, HoldlineGuardedBeans.TracedBean.class,
                        HoldlineGuardedBeans.RateLimitedBean.class, HoldlineGuardedBeans.ConcurrencyLimitedBean.class,
                        HoldlineGuardedBeans.DeadlineBean.class, HoldlineGuardedBeans.WholeChainBean.class,
                        HoldlineGuardedBeans.RateLimitProbe.class)
                .initialize();
        SmallRyeGuardedBeans.RateLimitProbe smallRyeProbe = container.select(SmallRyeGuardedBeans.RateLimitProbe.class).get();
        smallRyeProbe.call(1);
        try {
            smallRyeProbe.call(2);
            throw new IllegalStateException("SmallRye Fault Tolerance's interceptors are not applied: a second call passed a limit of 1");
        } catch (io.smallrye.faulttolerance.api.RateLimitException expected) {
            // the guards really run, so the figures below measure them
        }
        HoldlineGuardedBeans.RateLimitProbe holdlineProbe = container.select(HoldlineGuardedBeans.RateLimitProbe.class).get();
        holdlineProbe.call(1);
        try {
            holdlineProbe.call(2);
            throw new IllegalStateException("Holdline's guard interceptors are not applied: a second call passed a limit of 1");
        } catch (dev.holdline.guard.ratelimit.RateLimitExceededException expected) {
            // as above
        }
        unguarded = container.select(SmallRyeGuardedBeans.Unguarded.class).get();
        bulkheaded = container.select(SmallRyeGuardedBeans.Bulkheaded.class).get();
        smallRyeRateLimited = container.select(SmallRyeGuardedBeans.RateLimitedBySmallRye.class).get();
        logged = container.select(HoldlineGuardedBeans.LoggedBean.class).get();
        traced = container.select(HoldlineGuardedBeans.TracedBean.class).get();
        rateLimited = container.select(HoldlineGuardedBeans.RateLimitedBean.class).get();
        concurrencyLimited = container.select(HoldlineGuardedBeans.ConcurrencyLimitedBean.class).get();
        deadline = container.select(HoldlineGuardedBeans.DeadlineBean.class).get();
        wholeChain = container.select(HoldlineGuardedBeans.WholeChainBean.class).get();
        logged.call(0);
        if (lines != 1) {
            throw new IllegalStateException("@Logged wrote " + lines + " lines for one call: its figure would not be the access log's");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        container.shutdown();
    }

    @Benchmark
    public long unguarded() {
        return unguarded.call(value++);
    }

    @Benchmark
    public long smallRyeBulkhead() {
        return bulkheaded.call(value++);
    }

    @Benchmark
    public long smallRyeRateLimit() {
        return smallRyeRateLimited.call(value++);
    }

    @Benchmark
    public long logged() {
        return logged.call(value++);
    }

    @Benchmark
    public long traced() {
        return traced.call(value++);
    }

    @Benchmark
    public long rateLimited() {
        return rateLimited.call(value++);
    }

    @Benchmark
    public long concurrencyLimit() {
        return concurrencyLimited.call(value++);
    }

    @Benchmark
    public long deadline() {
        return deadline.call(value++);
    }

    @Benchmark
    public long wholeChain() {
        return wholeChain.call(value++);
    }
}
