/**
 * Asynchronous request-reply: long-running {@link dev.holdline.reply.Operation}s, their
 * {@link dev.holdline.reply.OperationStatus} and the one table of the moves between statuses.
 * Where operations are kept is {@link dev.holdline.reply.store}. See DESIGN.md section 6 and docs/reply.md.
 */
package dev.holdline.reply;
