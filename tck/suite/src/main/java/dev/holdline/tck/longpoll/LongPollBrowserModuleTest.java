package dev.holdline.tck.longpoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.tck.api.Assertion;
import dev.holdline.tck.api.Timing;
import dev.holdline.tck.harness.HttpClients;
import dev.holdline.tck.longpoll.app.ScriptedAnswers;
import dev.holdline.tck.longpoll.app.ScriptedAnswersFilter;
import dev.holdline.tck.longpoll.app.ScriptedAnswersServlet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * LP-9.5: the browser module the jar serves at {@code /holdline/longpoll.js}. Checks that the container
 * serves it as JavaScript, then runs the conformance script {@code js/longpoll-client.test.mjs} (beside
 * this class on the class path) with Node.js against this deployment, importing the very file the
 * container served. The script covers LP-9.1 to LP-9.4 for the module; it declares its own topics
 * through the {@code DeclareServlet} and scripts unusual answers (503 with a chosen Retry-After, 429,
 * 5xx) through {@link ScriptedAnswersFilter}. Needs Node.js 18 or later on the {@code PATH}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LongPollBrowserModuleTest {

    /** The tests of the script; a different count means the script and this class disagree. */
    static final int SCRIPT_TESTS = 12;

    private static final String SCRIPT = "js/longpoll-client.test.mjs";

    /** The JavaScript MIME type essences of the HTML standard; browsers run modules served with any of them. */
    private static final Set<String> JAVASCRIPT_TYPES = Set.of("text/javascript", "application/javascript",
            "application/x-javascript", "application/ecmascript", "text/ecmascript", "application/x-ecmascript",
            "text/x-javascript", "text/x-ecmascript", "text/jscript", "text/livescript", "text/javascript1.0",
            "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4", "text/javascript1.5");

    private static final Pattern ES_MODULE_EXPORT = Pattern.compile("(?m)^export\\s+class\\s+LongPollClient\\b");

    @Deployment(testable = false)
    static WebArchive deployment() {
        // No topics in web.xml: the script declares fresh ones per run, so it can run twice against one deployment.
        return LongPollWars.war("lp-js", Map.of())
                .addClasses(ScriptedAnswers.class, ScriptedAnswers.Answer.class, ScriptedAnswersFilter.class,
                        ScriptedAnswersServlet.class);
    }

    @ArquillianResource
    URL base;

    @Test
    @Assertion("LP-9.5")
    void theModuleIsServedAsJavaScript() {
        HttpResponse<String> response = download();
        assertEquals(200, response.statusCode(), response::body);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        System.out.println("LP-9.5: " + module() + " is served with Content-Type: " + contentType);
        String essence = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        assertTrue(JAVASCRIPT_TYPES.contains(essence), "Content-Type '" + contentType + "' is not a JavaScript MIME type");
        assertTrue(ES_MODULE_EXPORT.matcher(response.body()).find(), "the body is an ES module exporting LongPollClient");
    }

    @Test
    @Assertion("LP-9.5")
    void theServedModuleBehavesAsTheJavaClientInNode() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "holdline-lp95-");
        NodeTestRun node = NodeTestRun.locate(directory);
        HttpResponse<String> served = download();
        assertEquals(200, served.statusCode(), served::body);
        // The file the container served, not the one in the source tree: that is what browsers get.
        Files.writeString(directory.resolve("longpoll.js"), served.body(), StandardCharsets.UTF_8);
        Path script = directory.resolve("longpoll-client.test.mjs");
        try (InputStream in = LongPollBrowserModuleTest.class.getResourceAsStream(SCRIPT)) {
            assertTrue(in != null, SCRIPT + " is on the class path beside " + LongPollBrowserModuleTest.class.getName());
            Files.copy(in, script);
        }

        NodeTestRun.Result result = node.test(script, Map.of(
                        "HOLDLINE_BASE_URL", baseUri().toString(),
                        "HOLDLINE_TIME_FACTOR", Double.toString(Timing.factor())),
                Timing.scaled(Duration.ofSeconds(300)));

        String report = "node " + node.version() + " in " + directory + ", exit " + result.exitCode() + ":\n" + result.output();
        System.out.println(report);
        assertEquals(0, result.exitCode(), report);
        assertEquals(0, result.summary("fail"), report);
        assertEquals(SCRIPT_TESTS, result.summary("pass"), report);
    }

    private URI baseUri() {
        String text = base.toString();
        return URI.create(text.endsWith("/") ? text : text + "/");
    }

    private URI module() {
        return baseUri().resolve("holdline/longpoll.js");
    }

    private HttpResponse<String> download() {
        try {
            return HttpClients.http11().send(HttpRequest.newBuilder(module()).timeout(LongPollHttp.SHORT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to GET " + module(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
