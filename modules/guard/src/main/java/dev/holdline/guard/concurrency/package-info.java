/**
 * Concurrency limit (bulkhead): {@link dev.holdline.guard.concurrency.ConcurrencyLimit} for CDI beans and
 * JAX-RS resource methods, {@link dev.holdline.guard.concurrency.ConcurrencyLimitFilter} for URL patterns,
 * both over a {@link dev.holdline.guard.concurrency.ConcurrencyLimiter}. See docs/guard.md, "Concurrency limit".
 */
package dev.holdline.guard.concurrency;
