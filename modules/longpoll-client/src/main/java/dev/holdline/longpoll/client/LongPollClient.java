package dev.holdline.longpoll.client;

import dev.holdline.http.JsonReader;

import dev.holdline.http.RetryAfter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Follows one topic of a Holdline long-poll endpoint with {@code java.net.http} (LP-9.1 to LP-9.4).
 *
 * <pre>{@code
 * LongPollClient client = LongPollClient.builder(URI.create("https://host/app/events/"), "orders")
 *         .cursor(savedCursor)                         // optional: continue after this event
 *         .listener(event -> handle(event))
 *         .build();
 * client.start();
 * ...
 * client.close();
 * }</pre>
 *
 * <p>It sends {@code GET {eventsBase}{topic}?cursor=…} with {@code Prefer: wait=<seconds>}, hands the
 * events of each {@code 200} to the listener in order and continues from the answer's cursor, polls
 * again from the same cursor on {@code 304}, reports a gap and resynchronises on {@code 410}, waits at
 * least {@code Retry-After} on {@code 503} and {@code 429}, stops after reporting any other client
 * error ({@code 4xx} but {@code 408}: an unknown topic or a refused cursor will not heal by asking again),
 * and backs off exponentially with full jitter on network errors and every other status. Only one request is outstanding at a time, and no thread
 * waits for it: requests are sent with {@code sendAsync}, and the listener and retries run on one
 * scheduler thread (the client's own, or a shared one passed to the builder).
 *
 * <p>{@link #cursor()} is the position after the last event handed to the listener: a new client
 * started from it continues without losing or repeating an event of a {@code stream} topic.
 */
public final class LongPollClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LongPollClient.class.getName());
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final URI topicUri;
    private final String topic;
    private final Duration wait;
    private final long preferSeconds;
    private final Duration requestTimeout;
    private final int limit;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final EventListener listener;

    private final Object lock = new Object();
    // Guarded by lock: together they make "closed, so nothing new is sent or scheduled" atomic.
    private boolean started;
    private boolean closed;
    private CompletableFuture<?> inFlight;
    private Future<?> scheduled;

    // Written only by the poll chain (one step at a time, each step handing over to the next through
    // the executor, which orders the writes); volatile so that cursor() may be read from any thread.
    private volatile String cursor;
    private int failures;

    private LongPollClient(Builder builder) {
        this.topic = builder.topic;
        this.topicUri = builder.eventsBase.resolve(builder.topic);
        this.wait = builder.wait;
        // Prefer: wait takes whole seconds; rounding up never asks for less than was configured.
        this.preferSeconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        // The server may add up to wait/16 of jitter; the margin covers the network and a busy server.
        this.requestTimeout = Duration.ofSeconds(preferSeconds).plus(Duration.ofSeconds(preferSeconds).dividedBy(16))
                .plus(builder.timeoutMargin);
        this.limit = builder.limit;
        this.backoffBase = builder.backoffBase;
        this.backoffMax = builder.backoffMax;
        this.http = builder.httpClient != null ? builder.httpClient
                // HTTP/1.1: the JDK would otherwise try an h2c upgrade on cleartext, which many servers and
                // proxies mishandle; cancelling a request then simply closes its connection (LP-9.4).
                : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(builder.timeoutMargin).build();
        this.listener = builder.listener;
        this.cursor = builder.cursor;
        if (builder.scheduler != null) {
            this.scheduler = builder.scheduler;
            this.ownsScheduler = false;
        } else {
            ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "holdline-longpoll-client " + topic);
                // A client someone forgot to close must not keep the JVM alive.
                thread.setDaemon(true);
                return thread;
            });
            own.setRemoveOnCancelPolicy(true);
            // After close() a pending retry must not run: that would be a request after stopping.
            own.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            this.scheduler = own;
            this.ownsScheduler = true;
        }
    }

    /**
     * A builder for a client of one topic.
     *
     * @param eventsBase the long-poll mapping of the application, ending in {@code /}, such as
     *                   {@code http://host/app/events/}
     * @param topic      the topic name, 1 to 128 of {@code A-Z a-z 0-9 . _ -}
     */
    public static Builder builder(URI eventsBase, String topic) {
        return new Builder(eventsBase, topic);
    }

    /**
     * Starts polling. Without a start cursor the first request asks for the topic's current position,
     * so only events published after it are delivered.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("The long-poll client of topic '" + topic + "' is closed");
            }
            if (started) {
                throw new IllegalStateException("The long-poll client of topic '" + topic + "' is already started");
            }
            started = true;
        }
        schedule(Duration.ZERO);
    }

    /**
     * Stops: cancels the outstanding request (which closes its connection, so the server's parked
     * request ends) and any pending retry, and sends nothing more (LP-9.4). Events of the current
     * answer not yet handed to the listener are dropped ({@link #cursor()} stays before them); only a
     * listener call already under way on the scheduler may still complete. Idempotent; may be called
     * from a listener.
     */
    @Override
    public void close() {
        CompletableFuture<?> request;
        Future<?> retry;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            request = inFlight;
            retry = scheduled;
            inFlight = null;
            scheduled = null;
        }
        if (retry != null) {
            retry.cancel(false);
        }
        if (request != null) {
            // Since JDK 16, cancelling the future of sendAsync aborts the exchange (JDK-8245462).
            request.cancel(true);
        }
        if (ownsScheduler) {
            // shutdown, not shutdownNow: close() may run on the scheduler thread, inside a listener,
            // which must not be interrupted.
            scheduler.shutdown();
        }
        LOG.log(System.Logger.Level.DEBUG, "Long-poll client of topic {0} closed at cursor {1}", topic, cursor);
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /**
     * The cursor after the last event handed to the listener (or the start cursor, or the one received
     * from the first answer); null before the first answer when started without one. Save it to resume.
     */
    public String cursor() {
        return cursor;
    }

    private void schedule(Duration delay) {
        RejectedExecutionException rejected;
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                scheduled = scheduler.schedule(this::poll, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
                return;
            } catch (RejectedExecutionException e) {
                // Only a shared scheduler shut down by its owner gets here: nothing can run any more.
                rejected = e;
            }
        }
        failed(rejected);
        close();
    }

    private void poll() {
        CompletableFuture<HttpResponse<String>> response;
        synchronized (lock) {
            if (closed) {
                return;
            }
            scheduled = null;
            try {
                response = http.sendAsync(request(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                // Thrown before anything was sent (a refused header, a closed HttpClient): retry later.
                response = CompletableFuture.failedFuture(e);
            }
            inFlight = response;
        }
        // Handled on the scheduler, not on the HTTP client's threads: the listener then always runs on
        // the same executor, one call at a time, and a slow listener cannot starve the HTTP client.
        response.whenComplete((answer, error) -> handOver(() -> handle(answer, error)));
    }

    private void handOver(Runnable step) {
        try {
            scheduler.execute(step);
        } catch (RejectedExecutionException e) {
            if (!isClosed()) {
                failed(e);
                close();
            }
        }
    }

    private HttpRequest request() {
        StringBuilder query = new StringBuilder();
        String from = cursor;
        if (from != null) {
            query.append("?cursor=").append(URLEncoder.encode(from, StandardCharsets.UTF_8));
        }
        if (limit > 0) {
            query.append(query.length() == 0 ? '?' : '&').append("limit=").append(limit);
        }
        return HttpRequest.newBuilder(URI.create(topicUri + query.toString()))
                .GET()
                .header("Accept", "application/json, application/problem+json")
                .header("Prefer", "wait=" + preferSeconds)
                .timeout(requestTimeout)
                .build();
    }

    private void handle(HttpResponse<String> response, Throwable error) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            inFlight = null;
        }
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            LOG.log(System.Logger.Level.DEBUG, () -> "Long poll of topic " + topic + " failed: " + cause);
            failed(cause);
            schedule(backoff());
            return;
        }
        int status = response.statusCode();
        try {
            switch (status) {
                case 200 -> delivered(response);
                case 304 -> succeeded(Duration.ZERO);
                case 410 -> gap(response);
                case 429, 503 -> {
                    failed(new LongPollException("Long poll of topic '" + topic + "' answered " + status, status, null));
                    schedule(max(retryAfter(response), backoff()));
                }
                default -> {
                    failed(new LongPollException("Long poll of topic '" + topic + "' answered " + status
                            + ": " + abbreviate(response.body()), status, null));
                    if (isPermanent(status)) {
                        close();
                    } else {
                        schedule(backoff());
                    }
                }
            }
        } catch (IllegalArgumentException unreadable) {
            failed(new LongPollException("Long poll of topic '" + topic + "' answered " + status
                    + " with an unreadable body: " + unreadable.getMessage(), status, unreadable));
            schedule(backoff());
        }
    }

    private void delivered(HttpResponse<String> response) {
        JsonReader.Node document = JsonReader.parse(response.body());
        Map<String, JsonReader.Node> members = requireObject(document, "the document");
        String next = requireString(members, "cursor");
        List<ClientEvent> events = new ArrayList<>();
        List<JsonReader.Node> array = members.get("events") == null ? null : members.get("events").array();
        if (array == null) {
            throw new IllegalArgumentException("member 'events' is not an array");
        }
        // Read every event before delivering any: a malformed body delivers nothing and is retried whole.
        for (JsonReader.Node node : array) {
            Map<String, JsonReader.Node> event = requireObject(node, "an event");
            JsonReader.Node data = event.get("data");
            if (data == null) {
                throw new IllegalArgumentException("an event has no 'data'");
            }
            Instant time;
            try {
                time = Instant.parse(requireString(event, "time"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("an event's 'time' is not RFC 3339: " + e.getMessage(), e);
            }
            events.add(new ClientEvent(requireString(event, "id"), requireString(event, "type"), data.raw(), time));
        }
        for (ClientEvent event : events) {
            if (isClosed()) {
                return;
            }
            try {
                listener.onEvent(event);
            } catch (RuntimeException | Error e) {
                // Continue after the last event handled, so that this one is offered again.
                LOG.log(System.Logger.Level.WARNING, "Listener of topic " + topic + " failed on event " + event.id(), e);
                failed(e);
                schedule(backoff());
                return;
            }
            cursor = event.id();
        }
        cursor = next;
        succeeded(Duration.ZERO);
    }

    private void gap(HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            throw new IllegalArgumentException("a 410 without a problem (Content-Type '" + contentType + "')");
        }
        String resync = requireString(requireObject(JsonReader.parse(response.body()), "the problem"), "cursor");
        String from = cursor;
        LOG.log(System.Logger.Level.INFO, "Topic {0}: events after cursor {1} are gone; resynchronising from {2}",
                topic, from, resync);
        cursor = resync;
        try {
            listener.onGap(from, resync);
        } catch (RuntimeException | Error e) {
            // The gap cannot be offered again (the server no longer knows it), so go on from the resync point.
            LOG.log(System.Logger.Level.WARNING, "Listener of topic " + topic + " failed on a gap", e);
            failed(e);
        }
        succeeded(Duration.ZERO);
    }

    private void succeeded(Duration next) {
        failures = 0;
        schedule(next);
    }

    /** A client error other than a timeout: the same request would be refused again. */
    static boolean isPermanent(int status) {
        return status >= 400 && status < 500 && status != 408;
    }

    private void failed(Throwable error) {
        try {
            listener.onError(error);
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "Listener of topic " + topic + " failed in onError", e);
        }
    }

    /** Full jitter (uniform between zero and the exponential cap) spreads clients that failed together. */
    private Duration backoff() {
        failures = Math.min(failures + 1, 62);
        long cap = backoffCapNanos(failures, backoffBase.toNanos(), backoffMax.toNanos());
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(cap + 1));
    }

    /** {@code base × 2^(failures − 1)}, at most {@code max}, without overflowing. */
    static long backoffCapNanos(int failures, long baseNanos, long maxNanos) {
        int exponent = Math.min(Math.max(failures - 1, 0), 62);
        return baseNanos <= (maxNanos >> exponent) ? baseNanos << exponent : maxNanos;
    }

    private Duration retryAfter(HttpResponse<String> response) {
        return retryAfterDelay(response.headers().firstValue(RetryAfter.HEADER).orElse(null), Instant.now());
    }

    /** The delay a {@code Retry-After} value asks for (delay-seconds or an HTTP date); zero if absent or invalid. */
    static Duration retryAfterDelay(String value, Instant now) {
        if (value == null) {
            return Duration.ZERO;
        }
        try {
            return RetryAfter.parse(value, now);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Ignoring " + e.getMessage());
            return Duration.ZERO;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Map<String, JsonReader.Node> requireObject(JsonReader.Node node, String what) {
        Map<String, JsonReader.Node> object = node.object();
        if (object == null) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return object;
    }

    private static String requireString(Map<String, JsonReader.Node> object, String name) {
        JsonReader.Node member = object.get(name);
        String value = member == null ? null : member.string();
        if (value == null) {
            throw new IllegalArgumentException("member '" + name + "' is missing or not a string");
        }
        return value;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    /** Configures a {@link LongPollClient}; only the listener is required. */
    public static final class Builder {

        private final URI eventsBase;
        private final String topic;
        private String cursor;
        private Duration wait = Duration.ofSeconds(30);
        private int limit;
        private Duration timeoutMargin = Duration.ofSeconds(10);
        private Duration backoffBase = Duration.ofMillis(250);
        private Duration backoffMax = Duration.ofSeconds(30);
        private HttpClient httpClient;
        private ScheduledExecutorService scheduler;
        private EventListener listener;

        private Builder(URI eventsBase, String topic) {
            Objects.requireNonNull(eventsBase, "eventsBase");
            Objects.requireNonNull(topic, "topic");
            if (!eventsBase.isAbsolute() || !eventsBase.getRawPath().endsWith("/")
                    || eventsBase.getRawQuery() != null || eventsBase.getRawFragment() != null) {
                throw new IllegalArgumentException("eventsBase must be an absolute URI ending in '/' without query or fragment,"
                        + " such as http://host/app/events/; was " + eventsBase);
            }
            if (!TOPIC.matcher(topic).matches()) {
                throw new IllegalArgumentException("Invalid topic name '" + topic + "': expected 1 to 128 of A-Z a-z 0-9 . _ -");
            }
            this.eventsBase = eventsBase;
            this.topic = topic;
        }

        /** Where to start: the {@code id} of the last event handled, or a saved {@link LongPollClient#cursor()}. */
        public Builder cursor(String cursor) {
            this.cursor = Objects.requireNonNull(cursor, "cursor");
            return this;
        }

        /**
         * The wait asked for with {@code Prefer: wait}, in whole seconds (rounded up), from 1 s to 24 h;
         * default 30 s. The server may clamp it. Zero is refused: every answer would be an immediate
         * 304, and the client would poll in a busy loop.
         */
        public Builder wait(Duration wait) {
            Objects.requireNonNull(wait, "wait");
            if (wait.compareTo(Duration.ofSeconds(1)) < 0 || wait.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalArgumentException("wait must be from 1 second to 24 hours, was " + wait);
            }
            this.wait = wait;
            return this;
        }

        /** At most this many events per answer (1 to 100 000); by default the server's default. */
        public Builder limit(int limit) {
            if (limit < 1 || limit > 100_000) {
                throw new IllegalArgumentException("limit must be from 1 to 100000, was " + limit);
            }
            this.limit = limit;
            return this;
        }

        /**
         * Added to the wait (and its jitter) for the request timeout, and used as the connect timeout of
         * the client's own {@code HttpClient}; default 10 s.
         */
        public Builder timeoutMargin(Duration margin) {
            this.timeoutMargin = positive(margin, "timeoutMargin");
            return this;
        }

        /** The back-off after failures: the first is up to {@code base}, doubling up to {@code max}; default 250 ms and 30 s. */
        public Builder backoff(Duration base, Duration max) {
            positive(base, "base");
            positive(max, "max");
            if (max.compareTo(base) < 0) {
                throw new IllegalArgumentException("backoff max " + max + " is below base " + base);
            }
            this.backoffBase = base;
            this.backoffMax = max;
            return this;
        }

        /**
         * The HTTP client to use (for TLS, proxies, authentication, HTTP/2); by default a new one.
         * Its connections must be allowed to stay idle for the whole wait.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * A scheduler to share between clients (the listener runs on it). The client never shuts it down;
         * by default each client has its own daemon thread, shut down on close.
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Receives events, gaps and errors. Required. */
        public Builder listener(EventListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * A new, not yet started client.
         *
         * @throws IllegalStateException if no listener was set
         */
        public LongPollClient build() {
            if (listener == null) {
                throw new IllegalStateException("A long-poll client needs a listener");
            }
            return new LongPollClient(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
