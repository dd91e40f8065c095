package dev.holdline.coalesce.servlet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code key-by-credential} and {@code key-headers}: responses never cross credentials or keyed headers. */
class CoalescingFilterCredentialHttpTest {

    private static CoalescingApp app;

    @BeforeAll
    static void deploy() throws Exception {
        app = CoalescingApp.start(Map.of(
                "holdline.coalesce.filter.key-by-credential", "true",
                "holdline.coalesce.filter.key-headers", "X-Tenant"));
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

    @Test
    void theSameCredentialSharesAndTwoCredentialsNeverDo() {
        for (String header : List.of("Authorization", "Cookie")) {
            String path = "app/auth/" + header;
            app.closeGate();
            CoalescingFilterStats before = app.stats();
            CompletableFuture<HttpResponse<String>> alice = app.send(get(path, header, "alice"));
            await().until(() -> app.runs(path) == 1);
            CompletableFuture<HttpResponse<String>> aliceAgain = app.send(get(path, header, "alice"));
            await().until(() -> app.stats().followers() - before.followers() == 1);
            HttpResponse<String> bob = app.send(get(path, header, "bob")).join();
            assertFalse(alice.isDone());
            assertTrue(bob.body().contains("run=2") && bob.body().contains("bob") && !bob.body().contains("alice"), bob.body());
            app.openGate();
            assertTrue(alice.join().body().contains("run=1") && alice.join().body().contains("alice"), alice.join().body());
            assertEquals(alice.join().body(), aliceAgain.join().body());
            assertEquals(0, app.stats().bypassed(BypassReason.CREDENTIALS) - before.bypassed(BypassReason.CREDENTIALS));
        }
    }

    @Test
    void keyHeadersSeparateKeys() {
        String path = "app/vary/tenants";
        app.closeGate();
        CoalescingFilterStats before = app.stats();
        CompletableFuture<HttpResponse<String>> a = app.send(get(path, "X-Tenant", "a"));
        await().until(() -> app.runs(path) == 1);
        HttpResponse<String> b = app.send(get(path, "X-Tenant", "b")).join();
        assertTrue(b.body().endsWith("tenant=b"), b.body());
        CompletableFuture<HttpResponse<String>> aAgain = app.send(get(path, "X-Tenant", "a"));
        await().until(() -> app.stats().followers() - before.followers() == 1);
        app.openGate();
        assertEquals(a.join().body(), aAgain.join().body());
        assertEquals(0, app.stats().bypassed(BypassReason.VARY) - before.bypassed(BypassReason.VARY),
                "Vary: X-Tenant is satisfied by the key");
    }
}
