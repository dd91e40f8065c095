package dev.holdline.testing;

import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A real Undertow servlet container on 127.0.0.1 and an ephemeral port, for the modules' tests that
 * need a genuine {@link ServletContext}, real responses on the wire, or an application deployed the way
 * a container deploys it (through the {@link ServletContainerInitializer}s of its jars).
 *
 * <p>Requests go out over HTTP/1.1 only, as the TCK's clients do, so a test sees what a browser or a
 * proxy would see on a plain connection.
 */
public final class EmbeddedUndertow implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final DeploymentInfo deployment;
    private final DeploymentManager manager;
    private final Undertow server;
    private final URI baseUri;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private boolean undeployed;

    private EmbeddedUndertow(DeploymentInfo deployment, DeploymentManager manager, Undertow server, URI baseUri) {
        this.deployment = deployment;
        this.manager = manager;
        this.server = server;
        this.baseUri = baseUri;
    }

    /** A deployment at the root context with a unique name, ready for servlets, listeners and init-params. */
    public static DeploymentInfo deployment() {
        return Servlets.deployment()
                .setClassLoader(EmbeddedUndertow.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("holdline-test-" + UUID.randomUUID() + ".war");
    }

    /** {@link #deployment()} with these context-params. */
    public static DeploymentInfo deployment(Map<String, String> contextParams) {
        DeploymentInfo deployment = deployment();
        contextParams.forEach(deployment::addInitParameter);
        return deployment;
    }

    /**
     * Adds the initializers declared in {@code META-INF/services} on the class path that {@code which}
     * accepts, as a container does for the jars in {@code WEB-INF/lib}. A test picks some, because the
     * class path may hold others (Weld's) that it does not want booted.
     */
    public static DeploymentInfo withInitializers(DeploymentInfo deployment, Predicate<ServletContainerInitializer> which) {
        for (ServletContainerInitializer initializer : ServiceLoader.load(ServletContainerInitializer.class)) {
            if (which.test(initializer)) {
                deployment.addServletContainerInitializer(new ServletContainerInitializerInfo(initializer.getClass(), null));
            }
        }
        return deployment;
    }

    /**
     * Deploys an application at the root context with these context-params and the class path's
     * initializers that {@code initializers} accepts.
     */
    public static EmbeddedUndertow start(Map<String, String> contextParams, Predicate<ServletContainerInitializer> initializers)
            throws Exception {
        return start(withInitializers(deployment(contextParams), initializers));
    }

    /** Deploys and starts the application, then opens the listener. */
    public static EmbeddedUndertow start(DeploymentInfo deployment) throws Exception {
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

    /** The application's root, such as {@code http://127.0.0.1:41234/}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The deployed application's context. */
    public ServletContext servletContext() {
        return manager.getDeployment().getServletContext();
    }

    /** A request to {@code path}, relative to {@link #baseUri()}, with a timeout so that no test hangs. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(REQUEST_TIMEOUT);
    }

    /** {@code GET path}, the body read as text. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** Sends a request, the body read as text. */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request, the body read as bytes (to check exact encodings). */
    public HttpResponse<byte[]> sendForBytes(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends a request without waiting for its answer, for requests that park. */
    public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Stops the application as an undeploy would: listeners' contextDestroyed runs, the server keeps listening. */
    public void undeploy() throws Exception {
        if (!undeployed) {
            undeployed = true;
            manager.stop();
            manager.undeploy();
        }
    }

    @Override
    public void close() throws Exception {
        undeploy();
        server.stop();
        Servlets.defaultContainer().removeDeployment(deployment);
    }
}
