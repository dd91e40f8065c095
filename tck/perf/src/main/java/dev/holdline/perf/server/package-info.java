/**
 * The bench application and the embedded servers that run it, each in a JVM of its own started by the driver:
 * Holdline's long-poll servlet next to a bare {@code startAsync()} servlet, a thread-per-request blocking
 * servlet, and the control endpoints {@code /publish} and {@code /stats}.
 */
package dev.holdline.perf.server;
