/**
 * Long polling: declared topics with bounded event logs ({@link dev.holdline.longpoll.Topics},
 * {@link dev.holdline.longpoll.EventLog}) and a servlet at {@code /events/{topic}} that parks requests
 * without a thread until the next event. See docs/longpoll.md and docs/spec/longpoll.md.
 */
package dev.holdline.longpoll;
