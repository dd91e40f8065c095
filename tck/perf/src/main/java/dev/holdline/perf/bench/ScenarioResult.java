package dev.holdline.perf.bench;

import dev.holdline.perf.client.Container;
import dev.holdline.perf.client.ServerSnapshot;

/**
 * The figures of one scenario (container, endpoint, number of waiters).
 *
 * @param run               which repetition (1-based)
 * @param container         the container
 * @param endpoint          the endpoint measured
 * @param waiters           connections opened, each with one poll
 * @param idle              server stats before parking, after full collections
 * @param parked            server stats with every request parked (or queued), after full collections
 * @param deliveredCount    answers received after the publish, within the deadline
 * @param deliveryP50Millis publish-to-delivery, median
 * @param deliveryP99Millis publish-to-delivery, 99th percentile
 * @param deliveryMaxMillis publish-to-delivery, maximum
 * @param publishMillis     how long the server took inside {@code publish()}
 * @param pollsPerSecond    answers per second in the throughput phase
 * @param failures          responses other than 200/304 and connections lost, over the whole scenario
 */
public record ScenarioResult(int run, Container container, Endpoint endpoint, int waiters, ServerSnapshot idle,
                             ServerSnapshot parked, int deliveredCount, double deliveryP50Millis,
                             double deliveryP99Millis, double deliveryMaxMillis, double publishMillis,
                             double pollsPerSecond, int failures) {

    /** Requests the server held (parked, or blocked in a thread) while waiting. */
    public int held() {
        return endpoint.held(parked);
    }

    /** Heap with the requests parked minus heap idle, divided by the waiters, in bytes. */
    public double heapPerWaiterBytes() {
        return (double) (parked.heapUsed() - idle.heapUsed()) / waiters;
    }
}
