package dev.holdline.longpoll;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A declared topic: its name, its kind and how long its events are retained (the newest
 * {@code retainCount} events that are younger than {@code retainAge}).
 *
 * @param name        1 to 128 of {@code A-Z a-z 0-9 . _ -}, so that it is a path segment and part of a
 *                    configuration key without any escaping
 * @param kind        stream or state
 * @param retainCount how many events are kept at most, at least 1
 * @param retainAge   how long an event is kept at most, positive
 */
public record TopicDefinition(String name, TopicKind kind, int retainCount, Duration retainAge) {

    /** Events kept per topic unless configured otherwise. */
    public static final int DEFAULT_RETAIN_COUNT = 1000;

    /** Age after which an event is dropped unless configured otherwise. */
    public static final Duration DEFAULT_RETAIN_AGE = Duration.ofMinutes(10);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** Validates every component. */
    public TopicDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(retainAge, "retainAge");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("Topic name '" + name + "' must be 1 to 128 of A-Z a-z 0-9 . _ -");
        }
        if (retainCount < 1) {
            throw new IllegalArgumentException("Topic " + name + ": retainCount must be at least 1, was " + retainCount);
        }
        if (retainAge.isNegative() || retainAge.isZero()) {
            throw new IllegalArgumentException("Topic " + name + ": retainAge must be positive, was " + retainAge);
        }
    }

    /** A stream topic with the default retention. */
    public static TopicDefinition stream(String name) {
        return new TopicDefinition(name, TopicKind.STREAM, DEFAULT_RETAIN_COUNT, DEFAULT_RETAIN_AGE);
    }

    /** A state topic with the default retention. */
    public static TopicDefinition state(String name) {
        return new TopicDefinition(name, TopicKind.STATE, DEFAULT_RETAIN_COUNT, DEFAULT_RETAIN_AGE);
    }

    /** Whether a string is a valid topic name. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** This definition with another kind. */
    public TopicDefinition withKind(TopicKind kind) {
        return new TopicDefinition(name, kind, retainCount, retainAge);
    }

    /** This definition with another retained count. */
    public TopicDefinition withRetainCount(int retainCount) {
        return new TopicDefinition(name, kind, retainCount, retainAge);
    }

    /** This definition with another retained age. */
    public TopicDefinition withRetainAge(Duration retainAge) {
        return new TopicDefinition(name, kind, retainCount, retainAge);
    }
}
