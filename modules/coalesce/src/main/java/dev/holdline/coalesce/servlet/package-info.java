/**
 * {@link dev.holdline.coalesce.servlet.CoalescingFilter}: identical concurrent GET and HEAD requests run
 * the filter chain once, and the requests that arrived while it ran are parked without a thread and
 * answered with a replay of the same response. See docs/coalesce.md, section "CoalescingFilter".
 */
package dev.holdline.coalesce.servlet;
