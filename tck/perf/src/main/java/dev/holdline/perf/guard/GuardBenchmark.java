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
    private long value;

    @Setup(Level.Trial)
    public void start() {
        // Discovery is off (only these beans), so extensions found through ServiceLoader are not loaded either.
        container = new Weld("guard-benchmark").disableDiscovery()
                .addExtension(new io.smallrye.faulttolerance.FaultToleranceExtension())
                .addExtension(new io.smallrye.config.inject.ConfigExtension())
                .addBeanClasses(SmallRyeGuardedBeans.Unguarded.class, SmallRyeGuardedBeans.Bulkheaded.class,
                        SmallRyeGuardedBeans.RateLimitedBySmallRye.class, SmallRyeGuardedBeans.RateLimitProbe.class)
                .initialize();
        SmallRyeGuardedBeans.RateLimitProbe probe = container.select(SmallRyeGuardedBeans.RateLimitProbe.class).get();
        probe.call(1);
        try {
            probe.call(2);
            throw new IllegalStateException("SmallRye Fault Tolerance's interceptors are not applied: a second call passed a limit of 1");
        } catch (io.smallrye.faulttolerance.api.RateLimitException expected) {
            // the guards really run, so the figures below measure them
        }
        unguarded = container.select(SmallRyeGuardedBeans.Unguarded.class).get();
        bulkheaded = container.select(SmallRyeGuardedBeans.Bulkheaded.class).get();
        smallRyeRateLimited = container.select(SmallRyeGuardedBeans.RateLimitedBySmallRye.class).get();
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
}
