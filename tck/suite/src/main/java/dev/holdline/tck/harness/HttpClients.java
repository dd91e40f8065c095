package dev.holdline.tck.harness;

import java.net.http.HttpClient;

/** The {@code java.net.http} client TCK tests use when REST Assured cannot express the exchange. */
public final class HttpClients {

    private HttpClients() {
    }

    /**
     * A client that speaks HTTP/1.1 only. The default client asks to upgrade to HTTP/2, which some
     * containers (Payara) accept; then a parked request and later checks share one connection, and
     * the server ending that connection (GOAWAY) fails requests that have nothing to do with it.
     */
    public static HttpClient http11() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }
}
