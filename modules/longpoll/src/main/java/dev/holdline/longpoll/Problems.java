package dev.holdline.longpoll;

import dev.holdline.http.ProblemTypes;
import dev.holdline.http.RetryAfter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The problem replies of the long-poll servlet, typed under the application's problem base. */
final class Problems {

    private final ProblemTypes types;

    Problems(ProblemTypes types) {
        this.types = types;
    }

    Reply malformedCursor(String detail) {
        return simple("malformed-cursor", 400, "Malformed cursor", detail);
    }

    Reply malformedWait(String detail) {
        return simple("malformed-wait", 400, "Malformed wait", detail);
    }

    Reply malformedLimit(String detail) {
        return simple("malformed-limit", 400, "Malformed limit", detail);
    }

    Reply malformedTopic() {
        return simple("malformed-topic", 400, "Malformed topic name",
                "A topic name is 1 to 128 of A-Z a-z 0-9 . _ - and the path is {mapping}/{topic}.");
    }

    Reply unknownTopic(String topic) {
        return simple("unknown-topic", 404, "Unknown topic", "No topic '" + topic + "' is declared.");
    }

    Reply methodNotAllowed() {
        return Reply.problem(types.problem("method-not-allowed", 405).title("Method not allowed")
                .detail("Long polls are read with GET only.").build(), Map.of("Allow", "GET"));
    }

    Reply cursorGone(String reason, String resyncCursor, String detail) {
        return Reply.problem(types.problem("cursor-expired", 410).title("Cursor expired").detail(detail)
                .extension("reason", reason).extension("cursor", resyncCursor).build(), Map.of());
    }

    Reply overCapacity(String detail) {
        return Reply.problem(types.problem("over-capacity", 503).title("Too many parked requests").detail(detail).build(),
                Map.of(RetryAfter.HEADER, Integer.toString(1 + ThreadLocalRandom.current().nextInt(5))));
    }

    /** Jittered so that the clients of a node that goes away do not all come back in the same second. */
    Reply shuttingDown() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RetryAfter.HEADER, Integer.toString(1 + ThreadLocalRandom.current().nextInt(3)));
        headers.put("Connection", "close");
        return Reply.problem(types.problem("shutting-down", 503).title("Shutting down")
                .detail("The application is shutting down; retry, possibly on another node.").build(), headers);
    }

    private Reply simple(String name, int status, String title, String detail) {
        return Reply.problem(types.problem(name, status).title(title).detail(detail).build(), Map.of());
    }
}
