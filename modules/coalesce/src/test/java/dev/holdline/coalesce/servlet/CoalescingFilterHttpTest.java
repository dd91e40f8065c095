package dev.holdline.coalesce.servlet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The filter over real HTTP: what is shared, what is not, and that nobody is left waiting. */
class CoalescingFilterHttpTest {

    private static final int LIMIT = 64 * 1024;
    private static CoalescingApp app;

    @BeforeAll
    static void deploy() throws Exception {
        app = CoalescingApp.start(Map.of("holdline.coalesce.filter.buffer-limit", Integer.toString(LIMIT)));
    }

    @AfterAll
    static void undeploy() throws Exception {
        app.close();
    }

    @AfterEach
    void onlyKeysInFlightAreHeld() {
        app.settle();
    }

    private static HttpRequest get(String path, String... headers) {
        return app.get(path, headers);
    }

    private static HttpRequest head(String path, String... headers) {
        HttpRequest.Builder builder = app.server.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody());
        return headers.length == 0 ? builder.build() : builder.headers(headers).build();
    }

    private static Set<String> bodies(List<HttpResponse<String>> responses) {
        return responses.stream().map(HttpResponse::body).collect(Collectors.toSet());
    }

    @Test
    void fiftyIdenticalConcurrentGetsRunTheServletOnceAndAllGetTheSameAnswer() {
        String path = "app/plain/fifty?x=1";
        CoalescingFilterStats before = app.stats();
        List<HttpResponse<String>> responses = app.leaderAndFollowers(path, () -> get(path), 49, () -> get(path));

        assertEquals(1, app.runs(path));
        assertEquals(50, responses.size());
        HttpResponse<String> leader = responses.get(0);
        assertEquals(200, leader.statusCode());
        assertTrue(leader.body().startsWith("plain run=1 "), leader.body());
        assertTrue(leader.body().endsWith("unicode=\u00e9\u20ac"), leader.body());
        for (HttpResponse<String> response : responses) {
            assertEquals(200, response.statusCode());
            assertEquals(leader.body(), response.body());
            assertEquals(Optional.of("1"), response.headers().firstValue("X-Run"));
            assertEquals(List.of("one", "two"), response.headers().allValues("X-Multi"));
            assertEquals(leader.headers().firstValue("Content-Type"), response.headers().firstValue("Content-Type"));
            assertEquals(Optional.of("public, max-age=60"), response.headers().firstValue("Cache-Control"));
            assertEquals(leader.headers().firstValue("Content-Length"), response.headers().firstValue("Content-Length"));
        }
        assertTrue(leader.headers().firstValue("Content-Type").orElseThrow().toLowerCase().contains("charset=utf-8"));
        CoalescingFilterStats after = app.stats();
        assertEquals(1, after.executions() - before.executions());
        assertEquals(49, after.followers() - before.followers());
        assertEquals(49, after.shared() - before.shared());
    }

    @Test
    void differentQueriesAndDifferentNegotiationHeadersRunSeparately() {
        app.closeGate();
        CoalescingFilterStats before = app.stats();
        CompletableFuture<HttpResponse<String>> first = app.send(get("app/plain/keys?v=1", "Accept", "text/plain"));
        await().until(() -> app.runs("app/plain/keys?v=1") == 1);
        // Another query: a leader of its own, held at the gate too.
        CompletableFuture<HttpResponse<String>> otherQuery = app.send(get("app/plain/keys?v=2", "Accept", "text/plain"));
        await().until(() -> app.runs("app/plain/keys?v=2") == 1);
        // Same query, other Accept, Accept-Language or Accept-Encoding: each runs (and answers) while the first is held.
        HttpResponse<String> otherAccept = app.send(get("app/plain/keys?v=1", "Accept", "application/json")).join();
        HttpResponse<String> otherLanguage = app.send(get("app/plain/keys?v=1", "Accept", "text/plain", "Accept-Language", "fr")).join();
        HttpResponse<String> otherEncoding = app.send(get("app/plain/keys?v=1", "Accept", "text/plain", "Accept-Encoding", "identity")).join();
        assertFalse(first.isDone());
        assertEquals(Set.of("2", "3", "4"), Set.of(otherAccept.headers().firstValue("X-Run").orElseThrow(),
                otherLanguage.headers().firstValue("X-Run").orElseThrow(), otherEncoding.headers().firstValue("X-Run").orElseThrow()));
        app.openGate();
        assertTrue(first.join().body().contains("run=1 accept=text/plain query=v=1"));
        assertTrue(otherQuery.join().body().contains("run=1 accept=text/plain query=v=2"));
        CoalescingFilterStats after = app.stats();
        assertEquals(5, after.executions() - before.executions());
        assertEquals(0, after.followers() - before.followers());
    }

    @Test
    void setCookieIsNeverReplayedFollowersRunThemselvesAndGetTheirOwnCookie() {
        String path = "app/cookie/c";
        long before = app.stats().bypassed(BypassReason.SET_COOKIE);
        List<HttpResponse<String>> responses = app.leaderAndFollowers(path, () -> get(path), 5, () -> get(path));

        assertEquals(6, app.runs(path));
        Set<String> cookies = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            assertEquals(200, response.statusCode());
            List<String> setCookies = response.headers().allValues("Set-Cookie");
            assertEquals(1, setCookies.size(), setCookies.toString());
            String run = response.headers().firstValue("X-Run").orElseThrow();
            assertTrue(setCookies.get(0).startsWith("c=run-" + run), setCookies.toString());
            cookies.add(setCookies.get(0));
        }
        assertEquals(6, cookies.size());
        assertEquals(5, app.stats().bypassed(BypassReason.SET_COOKIE) - before);
    }

    @Test
    void privateAndNoStoreResponsesAreNotShared() {
        for (String behaviour : List.of("private", "nostore")) {
            String path = "app/" + behaviour + "/p";
            long before = app.stats().bypassed(BypassReason.PRIVATE);
            List<HttpResponse<String>> responses = app.leaderAndFollowers(path, () -> get(path), 4, () -> get(path));
            assertEquals(5, app.runs(path), behaviour);
            assertEquals(5, bodies(responses).size(), behaviour);
            assertEquals(4, app.stats().bypassed(BypassReason.PRIVATE) - before, behaviour);
        }
    }

    @Test
    void serverErrorsAreNotSharedButA404Is() {
        for (int code : List.of(500, 503)) {
            String path = "app/status/e?code=" + code;
            long before = app.stats().bypassed(BypassReason.STATUS);
            List<HttpResponse<String>> responses = app.leaderAndFollowers(path, () -> get(path), 4, () -> get(path));
            assertEquals(5, app.runs(path));
            responses.forEach(response -> assertEquals(code, response.statusCode()));
            assertEquals(5, bodies(responses).size());
            assertEquals(4, app.stats().bypassed(BypassReason.STATUS) - before);
        }
        String path = "app/status/e?code=404";
        List<HttpResponse<String>> responses = app.leaderAndFollowers(path, () -> get(path), 4, () -> get(path));
        assertEquals(1, app.runs(path));
        responses.forEach(response -> assertEquals(404, response.statusCode()));
        assertEquals(1, bodies(responses).size());
    }

    @Test
    void sendErrorIsNotCapturedAndFollowersRunThemselves() {
        String path = "app/senderror/s";
        long before = app.stats().bypassed(BypassReason.NOT_CAPTURED);
        List<HttpResponse<String>> responses = app.leaderAndFollowers(path, () -> get(path), 3, () -> get(path));
        assertEquals(4, app.runs(path));
        responses.forEach(response -> assertEquals(404, response.statusCode()));
        assertEquals(3, app.stats().bypassed(BypassReason.NOT_CAPTURED) - before);
    }

    @Test
    void aBodyOverTheBufferLimitIsNotSharedAndEveryoneGetsTheFullBody() {
        int size = LIMIT * 3 + 17;
        String path = "app/large/l?size=" + size;
        long before = app.stats().bypassed(BypassReason.TOO_LARGE);
        List<HttpResponse<String>> responses = app.leaderAndFollowers(path, () -> get(path), 4, () -> get(path));
        assertEquals(5, app.runs(path));
        Set<String> runs = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            assertEquals(200, response.statusCode());
            assertEquals(size, response.body().length());
            runs.add(response.body().substring(0, response.body().indexOf(' ')));
        }
        assertEquals(5, runs.size());
        assertEquals(4, app.stats().bypassed(BypassReason.TOO_LARGE) - before);
    }

    @Test
    void aBodyJustWithinTheLimitIsShared() {
        String path = "app/large/within?size=" + LIMIT;
        List<HttpResponse<String>> responses = app.leaderAndFollowers(path, () -> get(path), 4, () -> get(path));
        assertEquals(1, app.runs(path));
        responses.forEach(response -> assertEquals(LIMIT, response.body().length()));
        assertEquals(1, bodies(responses).size());
    }

    @Test
    void aFlushingLeaderStreamsAndIsStillSharedWithinTheLimit() {
        String path = "app/flush/f";
        List<HttpResponse<String>> responses = app.leaderAndFollowers(path, () -> get(path), 4, () -> get(path));
        assertEquals(1, app.runs(path));
        assertEquals(1, bodies(responses).size());
        assertTrue(responses.get(0).body().startsWith("part one, flush run=1"), responses.get(0).body());
    }

    @Test
    void requestsWithAuthorizationOrCookieBypassCoalescing() {
        for (String header : List.of("Authorization", "Cookie")) {
            String path = "app/auth/" + header;
            app.closeGate();
            long before = app.stats().bypassed(BypassReason.CREDENTIALS);
            CompletableFuture<HttpResponse<String>> first = app.send(get(path, header, "alice"));
            await().until(() -> app.runs(path) == 1);
            HttpResponse<String> second = app.send(get(path, header, "alice")).join();
            assertFalse(first.isDone());
            assertTrue(second.body().contains("run=2"), second.body());
            app.openGate();
            assertTrue(first.join().body().contains("run=1"));
            assertEquals(2, app.stats().bypassed(BypassReason.CREDENTIALS) - before);
        }
    }

    @Test
    void ifNoneMatchIsEvaluatedPerFollower() {
        String path = "app/etag/followers";
        CoalescingFilterStats before = app.stats();
        app.closeGate();
        CompletableFuture<HttpResponse<String>> leader = app.send(get(path));
        await().until(() -> app.runs(path) == 1);
        CompletableFuture<HttpResponse<String>> matching = app.send(get(path, "If-None-Match", "\"v0\", W/\"v1\""));
        CompletableFuture<HttpResponse<String>> any = app.send(get(path, "If-None-Match", "*"));
        CompletableFuture<HttpResponse<String>> other = app.send(get(path, "If-None-Match", "\"v2\""));
        CompletableFuture<HttpResponse<String>> plain = app.send(get(path));
        await().until(() -> app.stats().followers() - before.followers() == 4);
        app.openGate();

        assertEquals(1, app.runs(path));
        HttpResponse<String> full = leader.join();
        assertEquals(200, full.statusCode());
        assertTrue(full.body().contains("condition=null"), "the chain never sees a condition: " + full.body());
        for (HttpResponse<String> response : List.of(other.join(), plain.join())) {
            assertEquals(200, response.statusCode());
            assertEquals(full.body(), response.body());
            assertEquals(Optional.of("\"v1\""), response.headers().firstValue("ETag"));
        }
        for (HttpResponse<String> response : List.of(matching.join(), any.join())) {
            assertNotModified(response);
        }
        CoalescingFilterStats after = app.stats();
        assertEquals(2, after.notModified() - before.notModified());
        assertEquals(2, after.shared() - before.shared());
    }

    @Test
    void aLeaderWithIfNoneMatchGetsItsOwn304WhileFollowersGetTheFullResponse() {
        String path = "app/etag/leader";
        List<HttpResponse<String>> responses = app.leaderAndFollowers(path,
                () -> get(path, "If-None-Match", "\"v1\"", "If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT"), 3, () -> get(path));
        assertEquals(1, app.runs(path));
        assertNotModified(responses.get(0));
        for (HttpResponse<String> follower : responses.subList(1, 4)) {
            assertEquals(200, follower.statusCode());
            assertTrue(follower.body().contains("etag run=1"), follower.body());
            assertTrue(follower.body().contains("condition=null"), follower.body());
        }
    }

    private static void assertNotModified(HttpResponse<String> response) {
        assertEquals(304, response.statusCode());
        assertEquals("", response.body());
        assertEquals(Optional.of("\"v1\""), response.headers().firstValue("ETag"));
        assertEquals(Optional.of("max-age=60"), response.headers().firstValue("Cache-Control"));
        assertEquals(Optional.of("Accept"), response.headers().firstValue("Vary"));
        assertTrue(response.headers().firstValue("Date").isPresent());
        assertEquals(Optional.empty(), response.headers().firstValue("X-Run"));
        assertEquals(Optional.empty(), response.headers().firstValue("Last-Modified"));
        assertEquals(Optional.empty(), response.headers().firstValue("Content-Type"));
    }

    @Test
    void ifModifiedSinceAloneAndRangeAndIfMatchPassThrough() {
        CoalescingFilterStats before = app.stats();
        assertEquals(200, app.send(get("app/plain/cond1", "If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT")).join().statusCode());
        assertEquals(200, app.send(get("app/plain/cond2", "If-Match", "\"v1\"")).join().statusCode());
        assertEquals(200, app.send(get("app/plain/cond3", "Range", "bytes=0-3")).join().statusCode());
        assertEquals(200, app.send(get("app/plain/cond4", "If-None-Match", "v1-without-quotes")).join().statusCode());
        CoalescingFilterStats after = app.stats();
        assertEquals(2, after.bypassed(BypassReason.CONDITIONAL) - before.bypassed(BypassReason.CONDITIONAL));
        assertEquals(1, after.bypassed(BypassReason.RANGE) - before.bypassed(BypassReason.RANGE));
        assertEquals(1, after.bypassed(BypassReason.MALFORMED_CONDITION) - before.bypassed(BypassReason.MALFORMED_CONDITION));
        assertEquals(0, after.executions() - before.executions());
    }

    @Test
    void aLeaderThatThrowsDoesNotStrandItsFollowers() {
        String path = "app/throw/t";
        long before = app.stats().bypassed(BypassReason.LEADER_FAILED);
        List<HttpResponse<String>> responses = app.leaderAndFollowers(path, () -> get(path), 5, () -> get(path));
        assertEquals(500, responses.get(0).statusCode());
        assertEquals(6, app.runs(path));
        Set<String> runs = new HashSet<>();
        for (HttpResponse<String> follower : responses.subList(1, 6)) {
            assertEquals(200, follower.statusCode());
            runs.add(follower.headers().firstValue("X-Run").orElseThrow());
        }
        assertEquals(Set.of("2", "3", "4", "5", "6"), runs);
        assertEquals(5, app.stats().bypassed(BypassReason.LEADER_FAILED) - before);
    }

    @Test
    void anAsyncLeaderAnswersItselfAndItsFollowersRunThemselves() {
        String path = "app/async/a";
        long before = app.stats().bypassed(BypassReason.ASYNC_LEADER);
        List<HttpResponse<String>> responses = app.leaderAndFollowers(path, () -> get(path), 3, () -> get(path));
        assertEquals(4, app.runs(path));
        responses.forEach(response -> assertEquals(200, response.statusCode(), response.body()));
        assertEquals(4, bodies(responses).size(), bodies(responses).toString());
        assertTrue(responses.get(0).body().startsWith("async run=1"), bodies(responses).toString());
        assertEquals(3, app.stats().bypassed(BypassReason.ASYNC_LEADER) - before);
    }

    @Test
    void headRequestsAreCoalescedSeparatelyFromGets() {
        String path = "app/plain/head";
        CoalescingFilterStats before = app.stats();
        List<HttpResponse<String>> heads = app.leaderAndFollowers(path, () -> head(path), 9, () -> head(path));
        assertEquals(1, app.runs(path));
        HttpResponse<String> fullGet = app.send(get(path)).join();
        assertEquals(2, app.runs(path), "a GET is not answered from a HEAD");
        String length = fullGet.headers().firstValue("Content-Length").orElseThrow();
        for (HttpResponse<String> response : heads) {
            assertEquals(200, response.statusCode());
            assertEquals("", response.body());
            assertEquals(Optional.of(length), response.headers().firstValue("Content-Length"));
            assertEquals(Optional.of("1"), response.headers().firstValue("X-Run"));
        }
        assertEquals(9, app.stats().shared() - before.shared());
    }

    @Test
    void varyOnAnUnkeyedHeaderIsComparedPerFollower() {
        String path = "app/vary/v";
        app.closeGate();
        CoalescingFilterStats before = app.stats();
        CompletableFuture<HttpResponse<String>> leader = app.send(get(path, "X-Tenant", "a"));
        await().until(() -> app.runs(path) == 1);
        CompletableFuture<HttpResponse<String>> same = app.send(get(path, "X-Tenant", "a"));
        CompletableFuture<HttpResponse<String>> different = app.send(get(path, "X-Tenant", "b"));
        CompletableFuture<HttpResponse<String>> absent = app.send(get(path));
        await().until(() -> app.stats().followers() - before.followers() == 3);
        app.openGate();
        assertEquals(leader.join().body(), same.join().body());
        assertTrue(different.join().body().endsWith("tenant=b"), different.join().body());
        assertTrue(absent.join().body().endsWith("tenant=null"), absent.join().body());
        assertEquals(3, app.runs(path));
        assertEquals(2, app.stats().bypassed(BypassReason.VARY) - before.bypassed(BypassReason.VARY));
    }

    @Test
    void postPassesStraightThrough() {
        String path = "app/plain/post";
        app.closeGate();
        long before = app.stats().bypassed(BypassReason.METHOD);
        CompletableFuture<HttpResponse<String>> first = app.send(app.server.request(path).POST(HttpRequest.BodyPublishers.ofString("a")).build());
        await().until(() -> app.runs(path) == 1);
        HttpResponse<String> second = app.send(app.server.request(path).POST(HttpRequest.BodyPublishers.ofString("a")).build()).join();
        assertEquals("posted run=2", second.body());
        assertFalse(first.isDone());
        app.openGate();
        assertEquals("posted run=1", first.join().body());
        assertEquals(2, app.stats().bypassed(BypassReason.METHOD) - before);
    }

    @Test
    void theInFlightMapIsEmptyAndTheStatsAddUp() {
        String path = "app/plain/last";
        app.leaderAndFollowers(path, () -> get(path), 2, () -> get(path));
        await().until(() -> app.stats().inFlight() == 0);
        CoalescingFilterStats stats = app.stats();
        assertEquals(BypassReason.values().length, stats.bypasses().size());
        assertTrue(stats.executions() >= 1);
        assertNotEquals(0, stats.shared());
    }
}
