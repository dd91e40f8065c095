package dev.holdline.guard;

import dev.holdline.http.Problem;
import dev.holdline.http.ProblemTypes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A call or request refused by a guard: the HTTP answer it becomes, described once so that the JAX-RS
 * exception mapper ({@link dev.holdline.guard.jaxrs.GuardRejectedMapper}) and the servlet filters
 * ({@link GuardResponses}) produce the same status, headers and problem body.
 *
 * <p>Each guard has its own subclass; code that calls a guarded bean outside HTTP catches the subclass
 * it cares about. The stack trace is not filled in: a rejection is an expected answer under load, and
 * a flood of them must stay cheap.
 */
public abstract class GuardRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String problemName;
    private final String title;
    private final Duration retryAfter;
    private final Map<String, String> headers;
    private final Map<String, Object> extensions;

    /**
     * @param status      the HTTP status (429 or 503)
     * @param problemName the problem's name, the last segment of its type URI ({@code rate-limited})
     * @param title       the problem's short, fixed summary
     * @param detail      what happened this time; also the exception's message
     * @param retryAfter  when a retry may succeed, or {@code null} for no {@code Retry-After}
     * @param headers     further response fields (such as {@code RateLimit}), in order
     * @param extensions  further problem members, in order
     */
    protected GuardRejectedException(int status, String problemName, String title, String detail, Duration retryAfter,
                                     Map<String, String> headers, Map<String, Object> extensions) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.status = status;
        this.problemName = Objects.requireNonNull(problemName, "problemName");
        this.title = Objects.requireNonNull(title, "title");
        this.retryAfter = retryAfter;
        this.headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.extensions = new LinkedHashMap<>(extensions);
    }

    /** The HTTP status this rejection answers with. */
    public int status() {
        return status;
    }

    /** The problem's name: the last segment of its type URI. */
    public String problemName() {
        return problemName;
    }

    /** When a retry may succeed, if the guard knows. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Response fields to send besides {@code Retry-After} and {@code Content-Type}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The problem body under the given type base. */
    public Problem problem(ProblemTypes types) {
        return types.problem(problemName, status)
                .title(title)
                .detail(getMessage())
                .extensions(extensions)
                .build();
    }
}
