/**
 * Tracing and metrics: the {@link dev.holdline.guard.trace.Traced} interceptor binding, its filter twin
 * {@link dev.holdline.guard.trace.TracingFilter}, and {@link dev.holdline.guard.trace.GuardTelemetry},
 * the only door to the optional OpenTelemetry API (a no-op without it). See docs/guard.md, "Tracing and
 * metrics".
 */
package dev.holdline.guard.trace;
