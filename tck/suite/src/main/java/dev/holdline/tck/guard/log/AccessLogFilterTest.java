package dev.holdline.tck.guard.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.guard.log.app.CapturedLines;
import dev.holdline.tck.guard.log.app.LinesServlet;
import dev.holdline.tck.guard.trace.ObserveWars;
import dev.holdline.tck.guard.trace.app.PlainServlet;
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

/**
 * GD-5: {@code AccessLogFilter} on {@code /plain/*}, logging some request headers, in a WAR without the
 * OpenTelemetry API and without an agent. The lines are read back through the deployed capture.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessLogFilterTest {

    private static final String SECRET = "s3cr3t-" + AccessLines.marker("value");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ObserveWars.war("gd-log", """
                  <filter>
                    <filter-name>access</filter-name>
                    <filter-class>dev.holdline.guard.log.AccessLogFilter</filter-class>
                    <async-supported>true</async-supported>
                    <init-param>
                      <param-name>holdline.guard.access-log.headers</param-name>
                      <param-value>User-Agent, X-Note, Authorization, Cookie, X-CSRF-Token</param-value>
                    </init-param>
                  </filter>
                  <filter-mapping>
                    <filter-name>access</filter-name>
                    <url-pattern>/plain/*</url-pattern>
                  </filter-mapping>
                """).addClasses(CapturedLines.class, LinesServlet.class, PlainServlet.class);
    }

    @ArquillianResource
    URL base;

    @Test
    @Assertion({"GD-5.1", "GD-5.5"})
    void oneLinePerRequestWithMethodPathStatusAndDuration() throws Exception {
        AccessLines lines = new AccessLines(base);
        String marker = AccessLines.marker("one");
        HttpResponse<String> answer = lines.send(lines.request("plain/" + marker + "?token=" + SECRET)
                .header("User-Agent", "tck-probe/1").build());
        assertEquals(200, answer.statusCode(), answer::body);
        String line = lines.awaitLines("/plain/" + marker, 1).get(0);
        String expected = "method=GET path=" + lines.contextPath() + "/plain/" + marker
                + " status=200 duration_ms=\\d+\\.\\d{3} outcome=ok filter=access header\\.user-agent=tck-probe/1";
        assertTrue(Pattern.matches(expected, line), "expected " + expected + ", got " + line);
        assertFalse(line.contains(SECRET), "the query string is not logged: " + line);

        String later = AccessLines.marker("async");
        assertEquals(202, lines.send(lines.request("plain/async/" + later).build()).statusCode());
        assertTrue(lines.awaitLines("/plain/async/" + later, 1).get(0).contains(" status=202 "), "logged when the async request completed");
    }

    @Test
    @Assertion("GD-5.2")
    void credentialsCookiesAndCsrfTokensNeverAppear() throws Exception {
        AccessLines lines = new AccessLines(base);
        String marker = AccessLines.marker("secret");
        assertEquals(200, lines.send(lines.request("plain/" + marker + "?csrf=" + SECRET)
                .header("Authorization", "Bearer " + SECRET)
                .header("Cookie", "JSESSIONID=" + SECRET)
                .header("X-CSRF-Token", SECRET).build()).statusCode());
        String line = lines.awaitLines("/plain/" + marker, 1).get(0);
        assertFalse(line.contains(SECRET), line);
        assertTrue(line.contains(" header.authorization=[redacted] header.cookie=[redacted] header.x-csrf-token=[redacted]"), line);
    }

    @Test
    @Assertion("GD-5.3")
    void aHostilePathOrHeaderStaysInItsOwnField() throws Exception {
        AccessLines lines = new AccessLines(base);
        String marker = AccessLines.marker("forge");
        assertEquals(200, lines.send(lines.request("plain/" + marker + "%20status=999%22")
                .header("X-Note", "a\" status=999 outcome=forged b=\"").build()).statusCode());
        String line = lines.awaitLines(marker, 1).get(0);
        assertTrue(line.startsWith("method=GET path=\"" + lines.contextPath() + "/plain/" + marker + "%20status=999%22\" status=200 "), line);
        assertTrue(line.endsWith(" header.x-note=\"a\\\" status=999 outcome=forged b=\\\"\""), line);
        String outsideQuotes = line.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
        assertEquals("method=GET path=\"\" status=200", outsideQuotes.substring(0, outsideQuotes.indexOf(" duration_ms=")), line);
        assertEquals(1, outsideQuotes.split(" outcome=", -1).length - 1, "one outcome field: " + line);
    }
}
