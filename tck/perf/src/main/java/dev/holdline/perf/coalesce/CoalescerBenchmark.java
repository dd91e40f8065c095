package dev.holdline.perf.coalesce;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.holdline.coalesce.Coalescer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What one coalesced call costs against a direct call, a {@code ConcurrentHashMap} of futures (the usual
 * hand-written singleflight) and Caffeine's {@code AsyncCache} used as one (get, then invalidate, so that
 * it too only joins calls in flight). The work is {@link Blackhole#consumeCPU} of {@link #work} tokens.
 *
 * <p>{@code uncontended}: one thread, a new key each call (the common case: nothing to join).
 * {@code contended}: two threads on one key, so calls overlap and join. Run with
 * {@code java -cp "$(cat tck/perf/target/server.classpath):tck/perf/target/classes" org.openjdk.jmh.Main CoalescerBenchmark}
 * (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoalescerBenchmark {

    /** CPU tokens of the work: 0 shows the pure overhead, 1000 a small computation (about 2 µs). */
    @Param({"0", "1000"})
    public int work;

    private final Coalescer<Long, Long> coalescer = Coalescer.create();
    private final ConcurrentHashMap<Long, CompletableFuture<Long>> futures = new ConcurrentHashMap<>();
    private final AsyncCache<Long, Long> caffeine = Caffeine.newBuilder().executor(Runnable::run).buildAsync();
    private final AtomicLong keys = new AtomicLong();

    private long compute(long key) {
        Blackhole.consumeCPU(work);
        return key;
    }

    /** The hand-written singleflight: a map of futures, the leader completes and removes its own. */
    private long futureMap(long key) {
        CompletableFuture<Long> mine = new CompletableFuture<>();
        CompletableFuture<Long> running = futures.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            long value = compute(key);
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            futures.remove(key, mine);
        }
    }

    private long caffeine(long key) {
        long value = caffeine.get(key, k -> compute(k)).join();
        caffeine.synchronous().invalidate(key);
        return value;
    }

    // ---------------------------------------------------------------- one thread, a new key each call

    @Benchmark
    public long uncontendedDirect() {
        return compute(keys.incrementAndGet());
    }

    @Benchmark
    public long uncontendedCoalescer() {
        long key = keys.incrementAndGet();
        return coalescer.call(key, () -> compute(key));
    }

    @Benchmark
    public long uncontendedFutureMap() {
        return futureMap(keys.incrementAndGet());
    }

    @Benchmark
    public long uncontendedCaffeine() {
        return caffeine(keys.incrementAndGet());
    }

    // ---------------------------------------------------------------- two threads, one key

    @Benchmark
    @Threads(2)
    public long contendedDirect() {
        return compute(1L);
    }

    @Benchmark
    @Threads(2)
    public long contendedCoalescer() {
        return coalescer.call(1L, () -> compute(1L));
    }

    @Benchmark
    @Threads(2)
    public long contendedFutureMap() {
        return futureMap(1L);
    }

    @Benchmark
    @Threads(2)
    public long contendedCaffeine() {
        return caffeine(1L);
    }
}
