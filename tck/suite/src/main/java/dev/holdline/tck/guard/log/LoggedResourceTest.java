package dev.holdline.tck.guard.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Capability;
import dev.holdline.tck.api.RequiresCapability;
import dev.holdline.tck.guard.log.app.CapturedLines;
import dev.holdline.tck.guard.log.app.GreetingApplication;
import dev.holdline.tck.guard.log.app.GreetingResource;
import dev.holdline.tck.guard.log.app.LinesServlet;
import dev.holdline.tck.guard.trace.ObserveWars;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GD-5.4: {@code @Logged} on a JAX-RS resource, in a WAR without the OpenTelemetry API. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@RequiresCapability({Capability.CDI, Capability.JAXRS})
class LoggedResourceTest {

    private static final String TARGET = GreetingResource.class.getName();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ObserveWars.withRejection(ObserveWars.war("gd-logged", ""))
                .addClasses(CapturedLines.class, LinesServlet.class, GreetingResource.class, GreetingApplication.class);
    }

    @ArquillianResource
    URL base;

    @Test
    @Assertion("GD-5.4")
    void aLoggedResourceMethodWritesOneLineWithTheResponseStatus() throws Exception {
        AccessLines lines = new AccessLines(base);
        String marker = AccessLines.marker("greet");
        HttpResponse<String> answer = lines.send(lines.request("api/greetings/" + marker + "?secret=x").build());
        assertEquals(201, answer.statusCode(), answer::body);
        String line = lines.awaitLines("/greetings/" + marker, 1).get(0);
        String expected = "method=GET path=" + lines.contextPath() + "/api/greetings/" + marker
                + " status=201 duration_ms=\\d+\\.\\d{3} outcome=ok target=" + Pattern.quote(TARGET + ".greet");
        assertTrue(Pattern.matches(expected, line), "expected " + expected + ", got " + line);
    }

    @Test
    @Assertion("GD-5.4")
    void aRejectionIsLoggedWithItsStatusAndProblem() throws Exception {
        AccessLines lines = new AccessLines(base);
        String marker = AccessLines.marker("limited");
        HttpResponse<String> answer = lines.send(lines.request("api/greetings/limited/" + marker).build());
        assertEquals(429, answer.statusCode(), answer::body);
        String line = lines.awaitLines("/greetings/limited/" + marker, 1).get(0);
        assertTrue(line.startsWith("method=GET path=" + lines.contextPath() + "/api/greetings/limited/" + marker + " status=429 "), line);
        assertTrue(line.endsWith(" outcome=rejected target=" + TARGET + ".limited problem=rate-limited exception="
                + ObserveWars.REJECTION), line);
    }
}
