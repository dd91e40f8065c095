package dev.holdline.longpoll;

import dev.holdline.http.Durations;
import dev.holdline.http.EntityTagCondition;
import dev.holdline.http.PreferenceApplied;
import dev.holdline.http.Preferences;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * A long poll's parameters, read and validated from the request: topic, cursor, wait and limit.
 *
 * @param topic             the declared topic
 * @param cursor            null when the request sent none
 * @param waitTime          the wait applied, already clamped
 * @param limit             the most events to return
 * @param preferenceApplied the {@code Preference-Applied} value when the wait came from {@code Prefer}
 */
record PollRequest(Topic topic, Cursor cursor, Duration waitTime, int limit, String preferenceApplied) {

    /** A request that must be refused with the reply it carries. */
    static final class Refused extends Exception {
        final transient Reply reply;

        Refused(Reply reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }

    static PollRequest read(HttpServletRequest request, LongPollRuntime runtime) throws Refused {
        LongPollSettings settings = runtime.settings();
        Problems problems = runtime.problems();
        Topic topic = topic(request, runtime.registry(), problems);
        Cursor cursor = cursor(request, problems);
        Duration wait;
        String applied = null;
        String waitParameter = request.getParameter("wait");
        if (waitParameter != null) {
            try {
                wait = Durations.parse(waitParameter);
            } catch (IllegalArgumentException e) {
                throw new Refused(problems.malformedWait("?wait= must be " + Durations.ACCEPTED_FORMS + ", at most 24 hours."));
            }
            if (wait.compareTo(LongPollSettings.LONGEST_ACCEPTED_WAIT) > 0) {
                throw new Refused(problems.malformedWait("?wait= must not exceed 24 hours."));
            }
            wait = min(wait, settings.waitMax());
        } else {
            Optional<Duration> preferred = Preferences.of(request).waitTime();
            if (preferred.isPresent()) {
                wait = min(preferred.get(), settings.waitMax());
                applied = new PreferenceApplied().waitTime(wait).headerValue();
            } else {
                wait = settings.waitDefault();
            }
        }
        return new PollRequest(topic, cursor, wait, limit(request, settings, problems), applied);
    }

    private static Topic topic(HttpServletRequest request, TopicRegistry registry, Problems problems) throws Refused {
        String path = request.getPathInfo();
        String name = path == null || !path.startsWith("/") ? "" : path.substring(1);
        if (!TopicDefinition.isValidName(name)) {
            throw new Refused(problems.malformedTopic());
        }
        Topic topic = registry.topic(name);
        if (topic == null) {
            throw new Refused(problems.unknownTopic(name));
        }
        return topic;
    }

    private static Cursor cursor(HttpServletRequest request, Problems problems) throws Refused {
        String text = request.getParameter("cursor");
        if (text == null) {
            Optional<EntityTagCondition> condition;
            try {
                condition = EntityTagCondition.of(request, EntityTagCondition.IF_NONE_MATCH);
            } catch (IllegalArgumentException e) {
                throw new Refused(problems.malformedCursor("If-None-Match must hold one cursor in quotes, like \"<cursor>\"."));
            }
            if (condition.isEmpty()) {
                return null;
            }
            if (condition.get().isAny() || condition.get().tags().size() != 1) {
                throw new Refused(problems.malformedCursor("If-None-Match must hold exactly one cursor, not '*' or a list."));
            }
            text = condition.get().tags().get(0).opaqueTag();
        }
        try {
            return Cursor.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Refused(problems.malformedCursor("A cursor is a value this server returned as 'cursor' or ETag."));
        }
    }

    private static int limit(HttpServletRequest request, LongPollSettings settings, Problems problems) throws Refused {
        String text = request.getParameter("limit");
        if (text == null) {
            return settings.limitDefault();
        }
        String expected = "?limit= must be an integer from 1 to " + settings.limitMax() + ".";
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refused(problems.malformedLimit(expected));
        }
        int limit = Integer.parseInt(text);
        if (limit < 1 || limit > settings.limitMax()) {
            throw new Refused(problems.malformedLimit(expected));
        }
        return limit;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
