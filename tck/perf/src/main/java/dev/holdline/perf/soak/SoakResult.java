package dev.holdline.perf.soak;

import dev.holdline.perf.client.Container;

/**
 * What a soak observed.
 *
 * @param container        the container
 * @param settings         the soak's shape
 * @param answered         cycles answered (200 or 304)
 * @param aborted          cycles ended by a reset mid-wait
 * @param failures         other answers, and connections lost without being aborted
 * @param parkedAfter      Holdline's parked count at the end of the bounded wait for zero
 * @param drainMillis      how long after the last cycle the parked count took to reach zero (or the bound)
 * @param warmHeapBytes    heap after the warm-up (full GC, nothing parked)
 * @param endHeapBytes     heap after the measured phase (full GC, nothing parked)
 * @param cyclesMillis     duration of the measured phase
 */
public record SoakResult(Container container, SoakSettings settings, int answered, int aborted, int failures,
                         int parkedAfter, long drainMillis, long warmHeapBytes, long endHeapBytes, long cyclesMillis) {

    /** Heap growth over the measured phase, in bytes (negative when it shrank). */
    public long heapGrowthBytes() {
        return endHeapBytes - warmHeapBytes;
    }

    /** Zero parked, no failure, and heap growth within the tolerance. */
    public boolean passed() {
        return parkedAfter == 0 && failures == 0 && heapGrowthBytes() <= settings.heapToleranceBytes();
    }

    /** One line for logs and reports. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%s: %d cycles (%d answered, %d aborted mid-wait) in %.1f s, %d failures; parked after: %d (%d ms to drain);"
                        + " heap after warm-up %.2f MiB, at end %.2f MiB, growth %+.2f MiB (tolerance %.1f MiB): %s",
                container, answered + aborted, answered, aborted, cyclesMillis / 1000.0, failures, parkedAfter, drainMillis,
                warmHeapBytes / 1048576.0, endHeapBytes / 1048576.0, heapGrowthBytes() / 1048576.0,
                settings.heapToleranceBytes() / 1048576.0, passed() ? "PASS" : "FAIL");
    }
}
