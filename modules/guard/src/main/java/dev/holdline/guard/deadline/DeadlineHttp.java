package dev.holdline.guard.deadline;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Spends the current {@link Deadline} on {@code java.net.http} calls: the request's timeout becomes the
 * time left (or the request's own timeout, if shorter), an outbound call is never started once the
 * budget is spent, and a call that times out because of the deadline throws
 * {@link DeadlineExceededException} (answered 503 {@code deadline-exceeded}) rather than an
 * {@link HttpTimeoutException}. Without a current deadline, requests go out unchanged.
 */
public final class DeadlineHttp {

    private DeadlineHttp() {
    }

    /**
     * The request with its timeout cut to the current deadline's time left.
     *
     * @throws DeadlineExceededException if the current deadline has already passed
     */
    public static HttpRequest withDeadline(HttpRequest request) {
        return withDeadline(request, Deadline.current());
    }

    /**
     * The request with its timeout cut to the given deadline's time left.
     *
     * @throws DeadlineExceededException if the deadline has already passed
     */
    public static HttpRequest withDeadline(HttpRequest request, Optional<Deadline> deadline) {
        if (deadline.isEmpty()) {
            return request;
        }
        Duration left = deadline.get().remaining();
        if (left.isZero()) {
            throw deadline.get().exceeded("The call to " + request.uri());
        }
        Optional<Duration> own = request.timeout();
        if (own.isPresent() && own.get().compareTo(left) <= 0) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).timeout(left).build();
    }

    /**
     * Sends the request within the current deadline.
     *
     * @throws DeadlineExceededException if the deadline had passed, or passed while waiting for the answer
     */
    public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        Optional<Deadline> deadline = Deadline.current();
        HttpRequest bounded = withDeadline(request, deadline);
        try {
            return client.send(bounded, body);
        } catch (HttpTimeoutException timeout) {
            if (deadline.isPresent() && deadline.get().expired()) {
                throw deadline.get().exceeded("The call to " + request.uri());
            }
            throw timeout;
        }
    }
}
