/**
 * The long-poll benchmark ({@link dev.holdline.perf.bench.LongPollBenchmark}): per container, waiter count
 * and endpoint, a fresh server JVM, N parked requests, one publish, then a re-poll throughput phase; the
 * results as markdown.
 */
package dev.holdline.perf.bench;
