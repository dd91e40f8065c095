package dev.holdline.arquillian.undertow;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.PathHandler;
import io.undertow.servlet.api.ServletContainer;

/**
 * Arquillian {@link DeployableContainer} running an embedded Undertow 2.3 (Jakarta Servlet 6.0) in the test JVM.
 * <p>
 * {@link #start()} starts one HTTP listener; each deployed {@link WebArchive} is exploded under the configured
 * deployment directory, gets its own WAR-first class loader and is served at the context path named after the
 * archive ({@code app.war} at {@code /app}, {@code ROOT.war} at {@code /}), so several deployments, managed or
 * deployed through Arquillian's {@code Deployer}, run side by side. See {@link #undeploy(Archive)} for what
 * undeploy does, including to requests still parked.
 * <p>
 * The default protocol is {@code Servlet 6.0} from {@code arquillian-protocol-servlet-jakarta}; the protocol
 * metadata is an {@link HTTPContext} on the bound host and port listing every servlet of the deployment.
 */
public class UndertowDeployableContainer implements DeployableContainer<UndertowContainerConfiguration> {

    private static final System.Logger LOG = System.getLogger(UndertowDeployableContainer.class.getName());

    /** The Jakarta Servlet 6.0 flavour of the Arquillian servlet protocol. */
    static final String PROTOCOL = "Servlet 6.0";

    private final Map<String, WebAppDeployment> deployments = new ConcurrentHashMap<>();
    private final ClassIndexer indexer = new ClassIndexer();
    private UndertowContainerConfiguration config;
    private Undertow server;
    private PathHandler paths;
    private ServletContainer servletContainer;
    private WebAppDeployer deployer;
    private String host;
    private int port;

    @Override
    public Class<UndertowContainerConfiguration> getConfigurationClass() {
        return UndertowContainerConfiguration.class;
    }

    @Override
    public void setup(UndertowContainerConfiguration configuration) {
        this.config = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription(PROTOCOL);
    }

    @Override
    public void start() throws LifecycleException {
        if (config == null) {
            config = new UndertowContainerConfiguration();
        }
        paths = Handlers.path();
        try {
            server = startServer(config.getPort() == 0 && port > 0 ? port : config.getPort());
        } catch (RuntimeException firstTry) {
            if (config.getPort() != 0 || port == 0) {
                throw new LifecycleException("Could not start Undertow on " + config.getBindAddress() + ":" + config.getPort(), firstTry);
            }
            LOG.log(Level.INFO, "Port {0,number,#} of the previous start is taken, using a new ephemeral port", port);
            try {
                server = startServer(0);
            } catch (RuntimeException e) {
                throw new LifecycleException("Could not start Undertow on " + config.getBindAddress() + ":0", e);
            }
        }
        InetSocketAddress bound = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        port = bound.getPort();
        host = clientHost(config.getBindAddress());
        // a container of its own rather than Servlets.defaultContainer(): two adapters in one JVM must not share deployments
        servletContainer = ServletContainer.Factory.newInstance();
        deployer = new WebAppDeployer(config, servletContainer, paths, indexer);
        LOG.log(Level.INFO, "Undertow listening on {0}:{1,number,#}", host, port);
    }

    /**
     * Starts the listener. With an ephemeral port, a restart (Arquillian's {@code ContainerController}) asks for
     * the port of the previous start first, so URLs clients already hold stay valid.
     */
    private Undertow startServer(int listenPort) {
        Undertow.Builder builder = Undertow.builder()
                .addHttpListener(listenPort, config.getBindAddress())
                .setHandler(paths);
        if (config.getIoThreads() > 0) {
            builder.setIoThreads(config.getIoThreads());
        }
        if (config.getWorkerThreads() > 0) {
            builder.setWorkerThreads(config.getWorkerThreads());
        }
        if (config.getMaxEntitySize() >= 0) {
            builder.setServerOption(UndertowOptions.MAX_ENTITY_SIZE, config.getMaxEntitySize());
        }
        Undertow undertow = builder.build();
        undertow.start();
        return undertow;
    }

    /**
     * Undeploys every remaining deployment as {@link #undeploy(Archive)} does, then stops Undertow, which closes
     * all connections: a request still parked at that point ends without any response (the client sees the
     * connection closed).
     */
    @Override
    public void stop() throws LifecycleException {
        List<WebAppDeployment> remaining = new ArrayList<>(deployments.values());
        deployments.clear();
        for (WebAppDeployment deployment : remaining) {
            try {
                deployment.undeploy();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Undeploying " + deployment.archiveName() + " on stop failed", e);
            }
        }
        if (server != null) {
            server.stop();
            server = null;
        }
        LOG.log(Level.INFO, "Undertow stopped");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (!(archive instanceof WebArchive) && !archive.getName().endsWith(".war")) {
            throw new DeploymentException("Only WebArchives (.war) can be deployed to Undertow, not " + archive.getName());
        }
        if (deployments.containsKey(archive.getName())) {
            throw new DeploymentException(archive.getName() + " is already deployed");
        }
        WebAppDeployment deployment;
        try {
            deployment = deployer.deploy(archive);
        } catch (Exception | LinkageError e) {
            throw new DeploymentException("Could not deploy " + archive.getName() + ": " + e.getMessage(), e);
        }
        deployments.put(archive.getName(), deployment);
        HTTPContext context = new HTTPContext(host, port);
        for (String servlet : deployment.servletNames()) {
            context.add(new Servlet(servlet, deployment.contextPath()));
        }
        return new ProtocolMetaData().addContext(context);
    }

    /**
     * Stops the application the way a server does:
     * <ol>
     * <li>the context path is unmapped first, so new requests to it answer 404;</li>
     * <li>Undertow stops the deployment: servlets' {@code destroy()}, then filters' {@code destroy()}, then the
     *     listeners' {@code contextDestroyed}; sessions are dropped;</li>
     * <li>the deployment is removed from the servlet container, the WAR class loader is closed and the exploded
     *     directory deleted (unless {@code deleteOnUndeploy} is false).</li>
     * </ol>
     * Requests still in flight are left to Undertow, which does nothing special with them, and no graceful wait
     * is applied. An async request parked with {@code startAsync()} keeps its connection open: whatever the
     * application does with it in {@code contextDestroyed}/{@code destroy()} or later from its own threads still
     * reaches the client; if nothing completes it, its async timeout fires as usual and Undertow's timeout
     * handling ends it with a 500 error (observed with Undertow 2.3.20). Application code that runs after
     * undeploy can fail to load classes it had not loaded before, because the class loader is closed.
     */
    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        WebAppDeployment deployment = deployments.remove(archive.getName());
        if (deployment == null) {
            throw new DeploymentException(archive.getName() + " is not deployed");
        }
        try {
            deployment.undeploy();
        } catch (Exception e) {
            throw new DeploymentException("Could not undeploy " + archive.getName() + ": " + e.getMessage(), e);
        }
    }

    /** The host clients should use: a wildcard bind address is reached through loopback. */
    private static String clientHost(String bindAddress) {
        try {
            InetAddress address = InetAddress.getByName(bindAddress);
            if (address.isAnyLocalAddress()) {
                return "127.0.0.1";
            }
            String literal = address.getHostAddress();
            return literal.contains(":") ? "[" + literal + "]" : literal;
        } catch (UnknownHostException e) {
            return bindAddress;
        }
    }
}
