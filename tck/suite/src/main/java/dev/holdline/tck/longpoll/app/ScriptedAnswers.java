package dev.holdline.tck.longpoll.app;

import jakarta.servlet.ServletContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Deployed: per topic, the answers {@link ScriptedAnswersFilter} gives instead of the long-poll servlet,
 * and the log of every request the filter saw. Kept in a servlet context attribute rather than in
 * statics, because an embedded container may load the test classes once for several deployments.
 */
public final class ScriptedAnswers {

    private static final String ATTRIBUTE = ScriptedAnswers.class.getName();

    /**
     * One scripted answer: a status and, unless null, a {@code Retry-After} of delay-seconds
     * ({@code "1"}) or an HTTP date that many seconds after the request ({@code "date+2"}).
     */
    public record Answer(int status, String retryAfter) {

        /** Reads {@code <status>[:<retry-after>]}, e.g. {@code 503:1}, {@code 429:date+2}, {@code 500}. */
        static Answer parse(String text) {
            int colon = text.indexOf(':');
            return colon < 0 ? new Answer(Integer.parseInt(text), null)
                    : new Answer(Integer.parseInt(text.substring(0, colon)), text.substring(colon + 1));
        }
    }

    private final Map<String, Queue<Answer>> scripts = new HashMap<>();
    private final Map<String, List<String>> logs = new HashMap<>();

    private ScriptedAnswers() {
    }

    /** The instance of this application, created on first use. */
    public static ScriptedAnswers of(ServletContext context) {
        synchronized (ScriptedAnswers.class) {
            Object existing = context.getAttribute(ATTRIBUTE);
            if (existing instanceof ScriptedAnswers answers) {
                return answers;
            }
            ScriptedAnswers created = new ScriptedAnswers();
            context.setAttribute(ATTRIBUTE, created);
            return created;
        }
    }

    /** Queues {@code answers} (each as read by {@link Answer#parse}) for the next requests to {@code topic}. */
    public synchronized void script(String topic, List<String> answers) {
        Queue<Answer> queue = scripts.computeIfAbsent(topic, t -> new ArrayDeque<>());
        answers.forEach(answer -> queue.add(Answer.parse(answer)));
    }

    /** The next scripted answer for {@code topic}, removed from its script; null when none is left. */
    synchronized Answer next(String topic) {
        Queue<Answer> queue = scripts.get(topic);
        return queue == null ? null : queue.poll();
    }

    /** Appends one line to the log of {@code topic}. */
    synchronized void log(String topic, String line) {
        logs.computeIfAbsent(topic, t -> new ArrayList<>()).add(line);
    }

    /** The log of {@code topic}, one request per line, oldest first. */
    public synchronized List<String> log(String topic) {
        return List.copyOf(logs.getOrDefault(topic, List.of()));
    }
}
