package dev.holdline.tck.coalesce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.holdline.tck.api.Timing;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The upstream of the coalescing tests: WireMock on 127.0.0.1 in the test JVM, answering each stubbed
 * path after {@link #DELAY}, and counting the requests that reached it. Deployed code finds it through
 * the context-param {@code tck.upstream}.
 */
final class SlowUpstream implements AutoCloseable {

    /** How long the upstream takes: long enough for every concurrent caller to arrive while it runs. */
    static final Duration DELAY = Timing.scaled(Duration.ofSeconds(3));

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    SlowUpstream() {
        server.start();
    }

    /** The base URI deployed code calls, e.g. {@code http://127.0.0.1:41234/}. */
    String baseUri() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    /** A name used by no other test in this JVM, e.g. {@code burst-7-k2j3}. */
    static String uniqueName(String hint) {
        return hint + "-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** Answers {@code GET <path>} (path and query, no leading slash) with {@code status} and {@code body} after {@link #DELAY}. */
    void stub(String path, int status, String body, UnaryOperator<ResponseDefinitionBuilder> more) {
        server.stubFor(get(urlEqualTo("/" + path)).willReturn(more.apply(
                aResponse().withStatus(status).withBody(body).withFixedDelay((int) DELAY.toMillis()))));
    }

    /** How many requests for {@code path} reached the upstream. */
    int calls(String path) {
        return server.countRequestsMatching(getRequestedFor(urlEqualTo("/" + path)).build()).getCount();
    }

    /** The context-param that tells deployed code where the upstream is. */
    String webXml(String extra) {
        return """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param>
                    <param-name>tck.upstream</param-name>
                    <param-value>%s</param-value>
                  </context-param>
                %s</web-app>
                """.formatted(baseUri(), extra);
    }

    @Override
    public void close() {
        server.stop();
    }
}
