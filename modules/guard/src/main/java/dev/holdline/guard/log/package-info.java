/**
 * The access log: the {@link dev.holdline.guard.log.Logged} interceptor binding and its filter twin
 * {@link dev.holdline.guard.log.AccessLogFilter}, one logfmt line per call or request on the logger
 * {@code dev.holdline.guard.access}. See docs/guard.md, "Access log".
 */
package dev.holdline.guard.log;
