package dev.holdline.coalesce.servlet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Followers that stop waiting: their own wait timeout, or a client that goes away. */
class CoalescingFilterTimeoutHttpTest {

    private static CoalescingApp app;

    @BeforeAll
    static void deploy() throws Exception {
        app = CoalescingApp.start(Map.of("holdline.coalesce.filter.wait-timeout", "300ms"));
    }

    @AfterAll
    static void undeploy() throws Exception {
        app.close();
    }

    @AfterEach
    void onlyKeysInFlightAreHeld() {
        app.settle();
    }

    @Test
    void aFollowerThatWaitsTooLongRunsTheChainItselfAndTheLeaderStillAnswers() {
        String path = "app/plain/slow";
        app.closeGate();
        CoalescingFilterStats before = app.stats();
        CompletableFuture<HttpResponse<String>> leader = app.send(app.server.request(path).GET().build());
        await().until(() -> app.runs(path) == 1);

        HttpResponse<String> follower = app.send(app.server.request(path).GET().build()).join();
        assertEquals(200, follower.statusCode());
        assertEquals(Optional.of("2"), follower.headers().firstValue("X-Run"), "the follower ran the servlet itself");
        assertFalse(leader.isDone(), "the leader is still held");
        CoalescingFilterStats during = app.stats();
        assertEquals(1, during.followerTimeouts() - before.followerTimeouts());
        assertEquals(1, during.bypassed(BypassReason.FOLLOWER_TIMEOUT) - before.bypassed(BypassReason.FOLLOWER_TIMEOUT));
        assertEquals(1, during.inFlight());

        app.openGate();
        HttpResponse<String> led = leader.join();
        assertEquals(200, led.statusCode());
        assertEquals(Optional.of("1"), led.headers().firstValue("X-Run"));
        assertEquals(0, app.stats().shared() - before.shared(), "the timed-out follower is not answered twice");
    }

    @Test
    void aFollowerWhoseClientLeftDoesNotLeakOrDisturbTheOthers() throws Exception {
        String path = "app/plain/gone";
        app.closeGate();
        CoalescingFilterStats before = app.stats();
        CompletableFuture<HttpResponse<String>> leader = app.send(app.server.request(path).GET().build());
        await().until(() -> app.runs(path) == 1);
        URI base = app.server.baseUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /" + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().until(() -> app.stats().followers() - before.followers() == 1);
        }
        CompletableFuture<HttpResponse<String>> other = app.send(app.server.request(path).GET().build());
        await().until(() -> app.stats().followers() - before.followers() == 2);
        app.openGate();
        assertEquals(leader.join().body(), other.join().body());
        assertEquals(1, app.runs(path));
    }

    @Test
    void aRawFollowerGetsAWellFormedReplay() throws Exception {
        String path = "app/plain/raw";
        app.closeGate();
        CoalescingFilterStats before = app.stats();
        CompletableFuture<HttpResponse<String>> leader = app.send(app.server.request(path).GET().build());
        await().until(() -> app.runs(path) == 1);
        URI base = app.server.baseUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /" + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().until(() -> app.stats().followers() - before.followers() == 1);
            app.openGate();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(raw.startsWith("HTTP/1.1 200"), raw);
            assertTrue(raw.contains("X-Run: 1") || raw.contains("x-run: 1"), raw);
            assertTrue(raw.endsWith(leader.join().body()), raw);
        }
    }
}
