package dev.holdline.arquillian.undertow;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.holdline.arquillian.undertow.app.lifecycle.Events;

/**
 * Undeploying through Arquillian's {@link Deployer} stops the application like a server does, next to a managed
 * deployment that keeps running.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UndeployTest {

    @Deployment(name = "anchor")
    static WebArchive anchor() {
        return ShrinkWrap.create(WebArchive.class, "anchor.war")
                .addAsWebResource(new StringAsset("still here"), "index.html");
    }

    @Deployment(name = "lifecycle", managed = false)
    static WebArchive lifecycle() {
        return ShrinkWrap.create(WebArchive.class, "lifecycle.war")
                .addPackage(Events.class.getPackage());
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("anchor")
    URL anchor;

    @Test
    void undeployRunsDestroyCallbacksAndUnmapsTheContextPath() throws Exception {
        System.clearProperty(Events.PROPERTY);
        String lifecycle = new URL(anchor, "/lifecycle/").toString();

        deployer.deploy("lifecycle");
        assertEquals("contextInitialized", System.getProperty(Events.PROPERTY));
        given().get(lifecycle + "hello").then().statusCode(200).body(equalTo("hello"));

        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> parked = client.sendAsync(
                HttpRequest.newBuilder(URI.create(lifecycle + "park?timeout=3000")).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get(lifecycle + "park?count").then().body(equalTo("1")));

        deployer.undeploy("lifecycle");

        assertEquals("contextInitialized,servletDestroyed,filterDestroyed,contextDestroyed",
                System.getProperty(Events.PROPERTY));
        given().get(lifecycle + "hello").then().statusCode(404);
        given().get(anchor).then().statusCode(200).body(equalTo("still here"));

        // Undertow leaves a parked request alone on undeploy; its async timeout later ends it with a 500
        assertFalse(parked.isDone(), "parked request was ended by the undeploy itself");
        HttpResponse<String> outcome = parked.get(20, TimeUnit.SECONDS);
        assertEquals(500, outcome.statusCode());
    }
}
