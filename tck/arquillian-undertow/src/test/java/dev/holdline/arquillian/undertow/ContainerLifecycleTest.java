package dev.holdline.arquillian.undertow;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import dev.holdline.arquillian.undertow.app.lifecycle.Events;

/**
 * The container driven directly, as Arquillian's {@code ContainerController} would: stopping it while a request
 * is parked, and starting it again.
 */
class ContainerLifecycleTest {

    @Test
    void stopEndsTheApplicationAndClosesParkedConnectionsAndRestartKeepsThePort() throws Exception {
        UndertowContainerConfiguration config = new UndertowContainerConfiguration();
        config.setDeploymentDirectory("target/container-lifecycle-test");
        config.validate();
        UndertowDeployableContainer container = new UndertowDeployableContainer();
        container.setup(config);
        WebArchive war = ShrinkWrap.create(WebArchive.class, "lifecycle.war").addPackage(Events.class.getPackage());

        container.start();
        System.clearProperty(Events.PROPERTY);
        String base = baseUri(container.deploy(war).getContext(HTTPContext.class));
        CompletableFuture<HttpResponse<String>> parked = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(base + "park?timeout=60000")).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get(base + "park?count").then().body(equalTo("1")));

        container.stop();

        assertEquals("contextInitialized,servletDestroyed,filterDestroyed,contextDestroyed",
                System.getProperty(Events.PROPERTY));
        // Undertow closes the parked request's connection without a response; java.net.http then fails the exchange
        ExecutionException closed = assertThrows(ExecutionException.class, () -> parked.get(20, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, closed.getCause());

        container.start();
        try {
            String again = baseUri(container.deploy(war).getContext(HTTPContext.class));
            assertEquals(base, again, "same host, port and context path after a restart");
            given().get(again + "hello").then().statusCode(200).body(equalTo("hello"));
        } finally {
            container.stop();
        }
    }

    private static String baseUri(HTTPContext context) {
        return "http://" + context.getHost() + ":" + context.getPort() + context.getServlets().get(0).getContextRoot() + "/";
    }
}
