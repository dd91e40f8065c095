/**
 * Guards: rate limit, concurrency limit, deadline, access log and tracing, each as a CDI interceptor
 * binding and as a servlet filter twin; {@link dev.holdline.guard.GuardRejectedException} is the one
 * description of the HTTP answer a refused call gets from either. See docs/guard.md.
 */
package dev.holdline.guard;
