/**
 * Deadline: a time budget per call ({@link dev.holdline.guard.deadline.cdi.Deadline}) or per request
 * ({@link dev.holdline.guard.deadline.DeadlineFilter}); past it the client gets 503
 * {@code deadline-exceeded}. {@link dev.holdline.guard.deadline.Deadline} exposes the budget to
 * application code and {@link dev.holdline.guard.deadline.DeadlineHttp} to outbound calls. See
 * docs/guard.md, "Deadline".
 */
package dev.holdline.guard.deadline;
