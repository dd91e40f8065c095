package dev.holdline.tck.longpoll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Capability;
import dev.holdline.tck.api.RequiresCapability;
import dev.holdline.tck.longpoll.app.InjectedTopicsServlet;
import dev.holdline.tck.longpoll.app.TopicsUser;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * LP-1.5: {@code @Inject Topics} in a CDI bean. Its own deployment, so that a module whose bean cannot be
 * injected fails this test alone. The deployment is testable (though the test runs as a client) because
 * Arquillian applies archive processors, hence the harness's Weld/RESTEasy bundling on servlet
 * containers, only to testable deployments.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@RequiresCapability(Capability.CDI)
class LongPollCdiTest {

    @Deployment
    static WebArchive deployment() {
        return LongPollWars.war("lp-cdi", Map.of()).addClasses(TopicsUser.class, InjectedTopicsServlet.class);
    }

    @ArquillianResource
    URL base;

    @Test
    @Assertion("LP-1.5")
    void injectedTopicsIsTheServletContextsTopics() {
        LongPollHttp client = new LongPollHttp(base);
        String topic = LongPollHttp.uniqueTopic("cdi");
        HttpResponse<String> response = client.send(client.request(client.base().resolve("lp-app/cdi?topic=" + topic),
                LongPollHttp.SHORT).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, response.statusCode(), () -> response.statusCode() == 404
                ? "lp-cdi did not start (see the container log: WELD-001409 means Weld found holdline-longpoll twice,"
                        + " in WEB-INF/lib and on the embedded container's class path; see harness/Libraries)"
                : response.body());
        String[] answer = response.body().split(" ");
        assertEquals("true", answer[0], "a topic declared through the injected Topics is known to Topics.of(ServletContext)");
        String cursor = answer[1];

        assertEquals(cursor, client.currentCursor(topic), "the long-poll servlet sees what the injected Topics published");
        String viaContext = client.publish(topic, "ctx", "{\"via\":\"context\"}");
        JsonPath events = JsonPath.from(client.get(topic + "?cursor=" + LongPollHttp.enc(cursor) + "&wait=0").body());
        assertEquals(List.of(viaContext), events.getList("events.id"), "one log behind both references");
        assertEquals("context", events.getString("events[0].data.via"));
    }
}
