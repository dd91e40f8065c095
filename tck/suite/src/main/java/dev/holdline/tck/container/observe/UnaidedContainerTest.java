package dev.holdline.tck.container.observe;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Observations;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.container.async.ListenerCalls;
import dev.holdline.tck.container.async.ListenerCallsServlet;
import dev.holdline.tck.container.async.ParkServlet;
import dev.holdline.tck.harness.ClientOutcome;
import dev.holdline.tck.harness.Deployments;
import dev.holdline.tck.harness.HttpClients;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CT-5.1 and CT-5.2: what the container does on its own with a parked request when the client goes
 * away, and when the application set no timeout. Nothing here is a requirement: the tests record the
 * facts Holdline's modules defend against, and fail only if no observation could be made.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnaidedContainerTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("ct-observe").addClasses(ParkServlet.class, ListenerCalls.class, ListenerCallsServlet.class);
    }

    @ArquillianResource
    URL base;

    private final HttpClient client = HttpClients.http11();

    @Test
    @Assertion("CT-5.1")
    void clientDisconnectFromParkedRequest() throws Exception {
        String id = "disconnect";
        URI uri = base.toURI();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            String request = "GET " + uri.getPath() + "park?id=" + id + "&timeout=60000 HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitParked(id);
        }
        long closedAt = System.nanoTime();
        Duration window = Timing.scaled(Duration.ofSeconds(20));
        boolean called = waitFor(window, () -> {
            String calls = listenerCalls(id);
            return calls.contains("error") || calls.contains("complete");
        });
        long millis = Duration.ofNanos(System.nanoTime() - closedAt).toMillis();
        String answer = called
                ? "listener calls " + listenerCalls(id) + ", " + ClientOutcome.roughly(Duration.ofMillis(millis))
                        + " of the close"
                : "no onError or onComplete within " + window.toSeconds() + " s of the close";
        Observations.record("disconnect.listener", "Client closes the connection of a parked request (CT-5.1)", answer);
        assertTrue(millis <= window.plusSeconds(5).toMillis(), "the observation stays within its window");
    }

    @Test
    @Assertion("CT-5.2")
    void defaultAsyncTimeout() throws Exception {
        String id = "default-timeout";
        Duration limit = Timing.scaled(Duration.ofSeconds(120));
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(
                HttpRequest.newBuilder(base.toURI().resolve("park?id=" + id)).timeout(limit).build(),
                HttpResponse.BodyHandlers.ofString());
        String defaultTimeout = awaitParked(id);
        ClientOutcome outcome = ClientOutcome.await(exchange, start, limit);
        Observations.record("timeout.default", "Default AsyncContext timeout (CT-5.2)", defaultTimeout + " ms");
        Observations.record("timeout.client",
                "Client of a request parked without its own timeout (CT-5.2)",
                outcome.describe() + "; listener calls " + listenerCalls(id));
        assertTrue(Long.parseLong(defaultTimeout) >= 0, "the container reports its default timeout");
    }

    /** Waits until the request is parked and answers the async timeout it was parked with. */
    private String awaitParked(String id) {
        await("request " + id + " parked").atMost(Timing.scaled(Duration.ofSeconds(10)))
                .until(() -> get("parked?id=" + id).statusCode() == 200);
        try {
            return get("parked?id=" + id).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean waitFor(Duration window, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(window).pollInterval(Duration.ofMillis(100)).until(condition);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException notWithinWindow) {
            return false;
        }
    }

    private String listenerCalls(String id) throws IOException, InterruptedException {
        return get("listener-calls?id=" + id).body();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(base.toURI().resolve(path))
                    .timeout(Timing.scaled(Duration.ofSeconds(10))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
