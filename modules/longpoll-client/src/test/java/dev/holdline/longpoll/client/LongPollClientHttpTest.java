package dev.holdline.longpoll.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.longpoll.LongPollInitializer;
import dev.holdline.longpoll.LongPollRuntime;
import dev.holdline.longpoll.Topics;
import dev.holdline.testing.EmbeddedUndertow;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LP-9.1 to LP-9.4: the Java client against the real long-poll servlet in an embedded Undertow. */
class LongPollClientHttpTest {

    private static final Duration BOUND = Duration.ofSeconds(15);

    private static final RequestLog log = new RequestLog();
    private static EmbeddedUndertow server;
    private static Topics topics;

    private final List<LongPollClient> clients = new ArrayList<>();

    @BeforeAll
    static void deploy() throws Exception {
        server = EmbeddedUndertow.start(EmbeddedUndertow.withInitializers(
                log.installIn(EmbeddedUndertow.deployment(Map.of(
                "holdline.longpoll.topics", "news, quiet, fresh, short, closing, inside, flaky",
                "holdline.longpoll.topic.short.retain-count", "3"))), LongPollInitializer.class::isInstance));
        topics = Topics.of(server.servletContext());
    }

    @AfterAll
    static void undeploy() throws Exception {
        server.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(LongPollClient::close);
    }

    private LongPollClient client(String topic, EventListener listener, UnaryOperator<LongPollClient.Builder> options) {
        LongPollClient client = options.apply(LongPollClient.builder(server.baseUri().resolve("events/"), topic)
                .wait(Duration.ofSeconds(1))
                .listener(listener)).build();
        clients.add(client);
        return client;
    }

    @Test
    void deliversEveryEventOnceInOrderBeforeDuringAndAfterParks() throws Exception {
        List<String> published = new CopyOnWriteArrayList<>();
        String start = topics.publish("news", "before", "0");
        for (int i = 1; i <= 5; i++) {
            published.add(topics.publish("news", "before", "{\"n\": " + i + "}"));
        }
        Recorder recorder = new Recorder();
        LongPollClient client = client("news", recorder, b -> b.cursor(start).limit(3));
        client.start();
        await().atMost(BOUND).until(() -> recorder.events.size() == 5);
        await().atMost(BOUND).until(() -> LongPollRuntime.of(server.servletContext()).parked("news") == 1);

        // Published from another thread while the client is parked, faster than it reads with limit 3.
        Thread publisher = new Thread(() -> {
            for (int i = 6; i <= 60; i++) {
                published.add(topics.publish("news", "during", "[" + i + "]"));
            }
        });
        publisher.start();
        publisher.join(BOUND.toMillis());
        await().atMost(BOUND).until(() -> recorder.events.size() >= 60);

        // Then let at least one wait end with 304 before the last event.
        int requests = log.to("news").size();
        await().atMost(BOUND).until(() -> log.to("news").size() >= requests + 1);
        published.add(topics.publish("news", "after", "true"));
        await().atMost(BOUND).until(() -> recorder.events.size() >= 61);

        assertEquals(published, recorder.ids());
        ClientEvent first = recorder.events.get(0);
        assertEquals("before", first.type());
        assertEquals("{\"n\": 1}", first.dataJson());
        assertEquals("[6]", recorder.events.get(5).dataJson());
        assertEquals(published.get(60), client.cursor());
        assertTrue(recorder.errors.isEmpty(), recorder.errors::toString);
        assertTrue(recorder.threads.stream().allMatch(name -> name.equals("holdline-longpoll-client news")), recorder.threads::toString);
        for (RequestLog.Entry entry : log.to("news")) {
            assertTrue(entry.pathAndQuery().matches("/events/news\\?cursor=[0-9a-z]+\\.[0-9]+&limit=3"), entry::toString);
            assertEquals("wait=1", entry.prefer());
        }
    }

    @Test
    void stopsAfterReportingAClientError() {
        Recorder recorder = new Recorder();
        LongPollClient client = client("undeclared", recorder, b -> b);
        client.start();
        await().atMost(BOUND).until(client::isClosed);
        assertEquals(1, recorder.errors.size(), recorder.errors::toString);
        assertEquals(404, assertInstanceOf(LongPollException.class, recorder.errors.get(0).error()).status());
        assertEquals(1, log.to("undeclared").size(), "no request after the 404");
    }

    @Test
    void pollsAgainFromTheSameCursorAfterNotModified() {
        String start = topics.publish("quiet", "x", "1");
        Recorder recorder = new Recorder();
        LongPollClient client = client("quiet", recorder, b -> b.cursor(start));
        client.start();
        // Three requests with a wait of one second: at least two ended with 304.
        await().atMost(BOUND).until(() -> log.to("quiet").size() >= 3);
        assertTrue(log.to("quiet").stream().allMatch(e -> e.pathAndQuery().equals("/events/quiet?cursor=" + start)),
                () -> log.to("quiet").toString());
        assertTrue(recorder.events.isEmpty());
        assertTrue(recorder.errors.isEmpty(), recorder.errors::toString);
        assertEquals(start, client.cursor());

        String next = topics.publish("quiet", "x", "2");
        await().atMost(BOUND).until(() -> recorder.events.size() == 1);
        assertEquals(List.of(next), recorder.ids());
    }

    @Test
    void withoutACursorStartsAtTheCurrentPosition() {
        String before = topics.publish("fresh", "old", "1");
        Recorder recorder = new Recorder();
        LongPollClient client = client("fresh", recorder, b -> b);
        client.start();
        await().atMost(BOUND).until(() -> before.equals(client.cursor()));
        String next = topics.publish("fresh", "new", "2");
        await().atMost(BOUND).until(() -> recorder.events.size() == 1);
        assertEquals(List.of(next), recorder.ids());
    }

    @Test
    void reportsAGapAndResynchronisesOnGone() {
        String start = topics.publish("short", "x", "0");
        String last = null;
        for (int i = 1; i <= 5; i++) {
            last = topics.publish("short", "x", Integer.toString(i));
        }
        Recorder recorder = new Recorder();
        client("short", recorder, b -> b.cursor(start).limit(2)).start();
        await().atMost(BOUND).until(() -> recorder.gaps.size() == 1);
        assertEquals(new Recorder.Gap(start, last), recorder.gaps.get(0));
        String after = topics.publish("short", "x", "6");
        await().atMost(BOUND).until(() -> recorder.events.size() == 1);
        assertEquals(List.of(after), recorder.ids());

        // A cursor of another epoch (a restarted server) is a gap too.
        Recorder foreign = new Recorder();
        client("short", foreign, b -> b.cursor("zz9.1")).start();
        await().atMost(BOUND).until(() -> foreign.gaps.size() == 1);
        assertEquals(new Recorder.Gap("zz9.1", after), foreign.gaps.get(0));
        assertTrue(foreign.events.isEmpty());
    }

    @Test
    void closeEndsTheParkedRequestAndSendsNothingMore() throws Exception {
        RecordingHttpClient http = new RecordingHttpClient();
        String start = topics.publish("closing", "x", "0");
        Recorder recorder = new Recorder();
        LongPollClient client = client("closing", recorder, b -> b.cursor(start).wait(Duration.ofSeconds(30)).httpClient(http));
        client.start();
        await().atMost(BOUND).until(() -> LongPollRuntime.of(server.servletContext()).parked("closing") == 1);
        assertEquals(1, log.to("closing").size());
        assertEquals(1, http.futures.size());

        long before = System.nanoTime();
        client.close();
        assertTrue(Duration.ofNanos(System.nanoTime() - before).compareTo(Duration.ofSeconds(1)) < 0);
        CompletableFuture<?> request = http.futures.get(0);
        await().atMost(Duration.ofSeconds(2)).until(request::isDone);
        assertTrue(request.isCompletedExceptionally(), request::toString);
        client.close();
        assertTrue(client.isClosed());

        // The server may only learn of the disconnect when it answers: publishing does that.
        topics.publish("closing", "x", "1");
        await().atMost(BOUND).until(() -> LongPollRuntime.of(server.servletContext()).parked("closing") == 0);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> log.to("closing").size() == 1 && http.futures.size() == 1);
        assertTrue(recorder.events.isEmpty());
        assertTrue(recorder.errors.isEmpty(), recorder.errors::toString);
    }

    @Test
    void closingFromTheListenerStopsDeliveryAtOnce() {
        String start = topics.publish("inside", "x", "0");
        String first = topics.publish("inside", "x", "1");
        topics.publish("inside", "x", "2");
        topics.publish("inside", "x", "3");
        List<String> seen = new CopyOnWriteArrayList<>();
        LongPollClient[] self = new LongPollClient[1];
        self[0] = client("inside", event -> {
            seen.add(event.id());
            self[0].close();
        }, b -> b.cursor(start));
        self[0].start();
        await().atMost(BOUND).until(() -> self[0].isClosed());
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(3)).until(() -> log.to("inside").size() == 1);
        assertEquals(List.of(first), seen);
        // The event handed over counts as handled: a client resuming from here starts after it.
        assertEquals(first, self[0].cursor());
    }

    @Test
    void aFailingListenerGetsTheSameEventAgainAndNothingTwice() {
        String start = topics.publish("flaky", "x", "0");
        List<String> published = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            published.add(topics.publish("flaky", "x", Integer.toString(i)));
        }
        AtomicBoolean failedOnce = new AtomicBoolean();
        Recorder recorder = new Recorder() {
            @Override
            public void onEvent(ClientEvent event) {
                if (event.dataJson().equals("3") && failedOnce.compareAndSet(false, true)) {
                    throw new IllegalStateException("listener failure");
                }
                super.onEvent(event);
            }
        };
        client("flaky", recorder, b -> b.cursor(start).backoff(Duration.ofMillis(50), Duration.ofMillis(100))).start();
        await().atMost(BOUND).until(() -> recorder.events.size() == 4);
        assertEquals(published, recorder.ids());
        assertEquals(1, recorder.errors.size());
        assertEquals("listener failure", recorder.errors.get(0).error().getMessage());
    }

    @Test
    void backsOffWhenTheConnectionIsRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Recorder recorder = new Recorder();
        LongPollClient client = LongPollClient.builder(URI.create("http://127.0.0.1:" + port + "/events/"), "nowhere")
                .backoff(Duration.ofMillis(100), Duration.ofMillis(400))
                .listener(recorder).build();
        clients.add(client);
        client.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.errors.size() >= 8);
        client.close();
        recorder.errors.forEach(failure -> assertInstanceOf(IOException.class, failure.error()));
        // Without a back-off, 8 refused connections on loopback take a few milliseconds. With full jitter
        // (caps 100, 200, 400, 400… ms) the 7 gaps are random, but the chance that they add up to less
        // than 50 ms is below 1e-9.
        Duration total = Duration.ofNanos(recorder.errors.get(7).atNanos() - recorder.errors.get(0).atNanos());
        assertTrue(total.compareTo(Duration.ofMillis(50)) >= 0, total.toString());
    }
}
