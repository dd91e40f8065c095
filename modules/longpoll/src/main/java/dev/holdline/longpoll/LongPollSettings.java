package dev.holdline.longpoll;

import dev.holdline.http.HoldlineConfig;
import dev.holdline.http.ProblemTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every {@code holdline.longpoll.*} setting, read once at deployment. Defaults are documented in
 * docs/longpoll.md; a bad value throws an {@link IllegalArgumentException} naming the key, which fails
 * the deployment.
 */
record LongPollSettings(boolean enabled, String mapping, List<TopicDefinition> topics, Duration waitDefault,
        Duration waitMax, int limitDefault, int limitMax, int maxParked, int maxParkedPerTopic, Duration drain,
        EventLogFactory eventLogFactory, ProblemTypes problemTypes) {

    static final String PREFIX = "holdline.longpoll.";
    static final String ENABLED = PREFIX + "enabled";
    static final String MAPPING = PREFIX + "mapping";
    static final String TOPICS = PREFIX + "topics";
    static final String WAIT_DEFAULT = PREFIX + "wait.default";
    static final String WAIT_MAX = PREFIX + "wait.max";
    static final String LIMIT_DEFAULT = PREFIX + "limit.default";
    static final String LIMIT_MAX = PREFIX + "limit.max";
    static final String MAX_PARKED = PREFIX + "max-parked";
    static final String MAX_PARKED_PER_TOPIC = PREFIX + "max-parked-per-topic";
    static final String DRAIN = PREFIX + "drain";
    static final String EVENT_LOG_FACTORY = PREFIX + "event-log-factory";

    /** Waits longer than this are refused (400) rather than clamped: they are typos, not wishes. */
    static final Duration LONGEST_ACCEPTED_WAIT = Duration.ofHours(24);

    /**
     * @param loader the application's class loader, which loads an {@link EventLogFactory} named in the
     *               configuration
     */
    static LongPollSettings from(HoldlineConfig config, ClassLoader loader) {
        boolean enabled = config.getBoolean(ENABLED, true);
        String mapping = config.get(MAPPING, "/events/*", "a path mapping such as /events/*", LongPollSettings::mapping);
        List<TopicDefinition> topics = topics(config);
        Duration waitDefault = config.getDuration(WAIT_DEFAULT, Duration.ofSeconds(30));
        Duration waitMax = config.getDuration(WAIT_MAX, Duration.ofSeconds(55));
        if (waitMax.compareTo(LONGEST_ACCEPTED_WAIT) > 0) {
            throw new IllegalArgumentException("Invalid configuration " + WAIT_MAX + ": " + waitMax + " exceeds 24 hours");
        }
        if (waitDefault.compareTo(waitMax) > 0) {
            throw new IllegalArgumentException("Invalid configuration: " + WAIT_DEFAULT + " (" + waitDefault
                    + ") must not exceed " + WAIT_MAX + " (" + waitMax + ")");
        }
        int limitMax = config.getInt(LIMIT_MAX, 1000, 1, 100_000);
        int limitDefault = config.getInt(LIMIT_DEFAULT, Math.min(100, limitMax), 1, limitMax);
        int maxParked = config.getInt(MAX_PARKED, 10_000, 0, Integer.MAX_VALUE - 1);
        int maxParkedPerTopic = config.getInt(MAX_PARKED_PER_TOPIC, maxParked, 0, Integer.MAX_VALUE - 1);
        Duration drain = config.getDuration(DRAIN, Duration.ofSeconds(2));
        String factoryClass = config.getString(EVENT_LOG_FACTORY, "").strip();
        EventLogFactory eventLogFactory = factoryClass.isEmpty() ? EventLogFactory.IN_MEMORY : eventLogFactory(factoryClass, loader);
        return new LongPollSettings(enabled, mapping, topics, waitDefault, waitMax, limitDefault, limitMax, maxParked,
                maxParkedPerTopic, drain, eventLogFactory, ProblemTypes.fromConfig(config));
    }

    private static EventLogFactory eventLogFactory(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("Invalid configuration " + EVENT_LOG_FACTORY + ": class " + className
                    + " cannot be loaded (" + e + ")", e);
        }
        if (!EventLogFactory.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("Invalid configuration " + EVENT_LOG_FACTORY + ": " + className
                    + " does not implement " + EventLogFactory.class.getName());
        }
        try {
            return (EventLogFactory) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException thrown ? thrown.getCause() : e;
            throw new IllegalArgumentException("Invalid configuration " + EVENT_LOG_FACTORY + ": " + className
                    + " needs a public no-argument constructor that succeeds (" + cause + ")", cause);
        }
    }

    private static String mapping(String value) {
        if (!value.matches("(/[A-Za-z0-9._~-]+)*/\\*")) {
            throw new IllegalArgumentException("not a path prefix mapping ending in /*");
        }
        return value;
    }

    private static List<TopicDefinition> topics(HoldlineConfig config) {
        String list = config.getString(TOPICS, "");
        Map<String, TopicDefinition> byName = new LinkedHashMap<>();
        for (String entry : list.split(",")) {
            String item = entry.strip();
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.indexOf(':');
            String name = colon < 0 ? item : item.substring(0, colon).strip();
            String kindText = colon < 0 ? "stream" : item.substring(colon + 1).strip();
            if (!TopicDefinition.isValidName(name)) {
                throw new IllegalArgumentException("Invalid configuration " + TOPICS + ": topic name '" + name
                        + "' must be 1 to 128 of A-Z a-z 0-9 . _ -");
            }
            TopicKind kind = switch (kindText) {
                case "stream" -> TopicKind.STREAM;
                case "state" -> TopicKind.STATE;
                default -> throw new IllegalArgumentException("Invalid configuration " + TOPICS + ": kind '" + kindText
                        + "' of topic " + name + " must be 'stream' or 'state'");
            };
            String keyPrefix = PREFIX + "topic." + name + ".";
            int retainCount = config.getInt(keyPrefix + "retain-count", TopicDefinition.DEFAULT_RETAIN_COUNT, 1, 10_000_000);
            Duration retainAge = config.getDuration(keyPrefix + "retain-age", TopicDefinition.DEFAULT_RETAIN_AGE);
            if (retainAge.isZero()) {
                throw new IllegalArgumentException("Invalid configuration " + keyPrefix + "retain-age: must be positive");
            }
            TopicDefinition definition = new TopicDefinition(name, kind, retainCount, retainAge);
            TopicDefinition previous = byName.putIfAbsent(name, definition);
            if (previous != null && !previous.equals(definition)) {
                throw new IllegalArgumentException("Invalid configuration " + TOPICS + ": topic " + name
                        + " is listed twice with different kinds");
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** For log lines. */
    String describe() {
        return String.format(Locale.ROOT, "mapping %s, %d topics, wait %s (max %s), limit %d (max %d), max-parked %d (per topic %d), drain %s%s",
                mapping, topics.size(), waitDefault, waitMax, limitDefault, limitMax, maxParked, maxParkedPerTopic, drain,
                eventLogFactory == EventLogFactory.IN_MEMORY ? "" : ", event logs from " + eventLogFactory.getClass().getName());
    }
}
