package dev.holdline.longpoll;

/** What a subscriber may miss on a topic, which decides how a stale cursor is answered. */
public enum TopicKind {
    /** Every event must reach the subscriber: a cursor that lost events is answered {@code 410 Gone}. */
    STREAM,
    /** Only the latest event matters: a stale cursor is answered with the latest event. */
    STATE
}
