/**
 * Where operations are kept: the {@link dev.holdline.reply.store.OperationStore} contract, an in-memory
 * store (the default, not durable) and a JDBC store over any {@code DataSource} (durable, shareable by
 * several nodes).
 */
package dev.holdline.reply.store;
