package dev.holdline.perf.soak;

import java.time.Duration;

/**
 * The shape of a soak.
 *
 * @param cycles              poll cycles of the measured phase (each ends with an answer or an abort)
 * @param warmUpCycles        cycles before the first heap measurement
 * @param concurrency         clients polling at the same time
 * @param abortShare          share of cycles ended by the client resetting its connection mid-wait
 * @param waitSeconds         the wait each poll asks for (Holdline forgets an aborted waiter by then at the latest)
 * @param publishInterval     how often the soak publishes while cycles run
 * @param heapToleranceBytes  allowed heap growth from after the warm-up to the end (both after full GC)
 */
public record SoakSettings(int cycles, int warmUpCycles, int concurrency, double abortShare, int waitSeconds,
                           Duration publishInterval, long heapToleranceBytes) {

    /** The documented full size: 20,000 cycles. */
    public static final int FULL_CYCLES = 20_000;

    /** The standard soak of {@code cycles} cycles: 200 clients, 20 % aborts, wait 1 s, publish every 500 ms, 3 MiB heap tolerance. */
    public static SoakSettings of(int cycles) {
        return new SoakSettings(cycles, Math.max(500, cycles / 10), 200, 0.2, 1, Duration.ofMillis(500), 3L << 20);
    }
}
