package dev.holdline.http;

import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * A real Undertow servlet container on 127.0.0.1 and an ephemeral port, for the tests that need a genuine
 * {@link ServletContext} or {@link jakarta.servlet.http.HttpServletResponse}.
 */
final class EmbeddedUndertow implements AutoCloseable {

    private final DeploymentInfo deployment;
    private final DeploymentManager manager;
    private final Undertow server;
    private final URI baseUri;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private EmbeddedUndertow(DeploymentInfo deployment, DeploymentManager manager, Undertow server, URI baseUri) {
        this.deployment = deployment;
        this.manager = manager;
        this.server = server;
        this.baseUri = baseUri;
    }

    /** A deployment at the root context with a unique name, ready for servlets and init-params. */
    static DeploymentInfo deployment() {
        return Servlets.deployment()
                .setClassLoader(EmbeddedUndertow.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("holdline-http-test-" + UUID.randomUUID() + ".war");
    }

    static EmbeddedUndertow start(DeploymentInfo deployment) throws ServletException {
        DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
        manager.deploy();
        Undertow server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(manager.start())
                .build();
        server.start();
        InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        return new EmbeddedUndertow(deployment, manager, server, URI.create("http://127.0.0.1:" + address.getPort() + "/"));
    }

    ServletContext servletContext() {
        return manager.getDeployment().getServletContext();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() throws ServletException {
        server.stop();
        manager.stop();
        manager.undeploy();
        Servlets.defaultContainer().removeDeployment(deployment);
    }
}
