/**
 * Long-poll benchmark and soak (DESIGN.md section 9, docs/performance.md): {@code server} holds the bench
 * servers run in their own JVMs, {@code client} the NIO HTTP/1.1 client and the server-process handling the
 * driver uses, {@code bench} the benchmark and {@code soak} the bounded soak.
 */
package dev.holdline.perf;
