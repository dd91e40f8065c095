package dev.holdline.longpoll;

import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
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

/**
 * A real Undertow on 127.0.0.1 and an ephemeral port, deploying an application the way a container
 * would: through the {@link ServletContainerInitializer}s found in META-INF/services.
 */
public final class EmbeddedUndertow implements AutoCloseable {

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

    /** Deploys an application at the root context with these context-params, without CDI. */
    public static EmbeddedUndertow start(Map<String, String> contextParams) throws Exception {
        return start(contextParams, false, deployment -> { });
    }

    /**
     * Deploys an application at the root context.
     *
     * @param withCdi also run the other initializers on the class path, which boot Weld Servlet
     * @param extra   adds servlets or listeners to the deployment
     */
    public static EmbeddedUndertow start(Map<String, String> contextParams, boolean withCdi,
            java.util.function.Consumer<DeploymentInfo> extra) throws Exception {
        DeploymentInfo deployment = Servlets.deployment()
                .setClassLoader(EmbeddedUndertow.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("holdline-longpoll-test-" + UUID.randomUUID() + ".war");
        contextParams.forEach(deployment::addInitParameter);
        extra.accept(deployment);
        for (ServletContainerInitializer initializer : ServiceLoader.load(ServletContainerInitializer.class)) {
            if (!withCdi && !(initializer instanceof LongPollInitializer)) {
                continue;
            }
            deployment.addServletContainerInitializer(new ServletContainerInitializerInfo(initializer.getClass(), null));
        }
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

    public ServletContext servletContext() {
        return manager.getDeployment().getServletContext();
    }

    public LongPollRuntime runtime() {
        return LongPollRuntime.of(servletContext());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(20));
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Stops the application as an undeploy would: contextDestroyed runs, the server keeps listening. */
    void undeploy() throws Exception {
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
