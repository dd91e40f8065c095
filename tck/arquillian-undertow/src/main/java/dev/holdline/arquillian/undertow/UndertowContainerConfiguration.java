package dev.holdline.arquillian.undertow;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * Settings of the embedded Undertow container, set from {@code arquillian.xml}:
 * <pre>{@code
 * <container qualifier="undertow" default="true">
 *   <configuration>
 *     <property name="bindAddress">127.0.0.1</property>
 *     <property name="port">0</property>
 *     <property name="deploymentDirectory">target/undertow-deployments</property>
 *   </configuration>
 * </container>
 * }</pre>
 * Every property is optional. The defaults keep all traffic on loopback and pick a free port, so parallel
 * builds on one machine do not collide.
 * <p>
 * There is deliberately no default async timeout setting: Undertow 2.3 fixes it at 30 s (inside
 * {@code AsyncContextImpl}) with no API to change it, and emulating one would change behaviour the TCK observes.
 * Applications set their own with {@code AsyncContext.setTimeout}.
 */
public class UndertowContainerConfiguration implements ContainerConfiguration {

    private String bindAddress = "127.0.0.1";
    private int port = 0;
    private String deploymentDirectory = "target/undertow-deployments";
    private int ioThreads = 0;
    private int workerThreads = 0;
    private int sessionTimeoutMinutes = 30;
    private boolean deleteOnUndeploy = true;
    private boolean eagerFilterInit = true;
    private String defaultEncoding;
    private long maxEntitySize = -1;

    @Override
    public void validate() throws ConfigurationException {
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new ConfigurationException("bindAddress must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("port must be between 0 (ephemeral) and 65535, was " + port);
        }
        if (deploymentDirectory == null || deploymentDirectory.isBlank()) {
            throw new ConfigurationException("deploymentDirectory must not be empty");
        }
        if (ioThreads < 0 || workerThreads < 0) {
            throw new ConfigurationException("ioThreads and workerThreads must be >= 0 (0 = Undertow's default)");
        }
    }

    /** Address the HTTP listener binds to; default {@code 127.0.0.1}. */
    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    /** HTTP port; default {@code 0}, an ephemeral free port (the bound port is what deployments report). */
    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    /** Directory the WARs are exploded into, one sub-directory per archive; default {@code target/undertow-deployments}. */
    public String getDeploymentDirectory() {
        return deploymentDirectory;
    }

    public void setDeploymentDirectory(String deploymentDirectory) {
        this.deploymentDirectory = deploymentDirectory;
    }

    /** Undertow IO threads; {@code 0} keeps Undertow's default (one per core). */
    public int getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(int ioThreads) {
        this.ioThreads = ioThreads;
    }

    /** Undertow worker (blocking) threads; {@code 0} keeps Undertow's default (8 per IO thread). */
    public int getWorkerThreads() {
        return workerThreads;
    }

    public void setWorkerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
    }

    /** Session timeout used when a deployment's {@code web.xml} sets none; default 30 minutes, like Tomcat. */
    public int getSessionTimeoutMinutes() {
        return sessionTimeoutMinutes;
    }

    public void setSessionTimeoutMinutes(int sessionTimeoutMinutes) {
        this.sessionTimeoutMinutes = sessionTimeoutMinutes;
    }

    /** Whether an undeployed WAR's exploded directory is deleted; default {@code true}. Keep it for debugging. */
    public boolean isDeleteOnUndeploy() {
        return deleteOnUndeploy;
    }

    public void setDeleteOnUndeploy(boolean deleteOnUndeploy) {
        this.deleteOnUndeploy = deleteOnUndeploy;
    }

    /**
     * Whether filters are initialised when the deployment starts, as the Servlet specification asks;
     * default {@code true}. Undertow on its own creates filters lazily on the first request.
     */
    public boolean isEagerFilterInit() {
        return eagerFilterInit;
    }

    public void setEagerFilterInit(boolean eagerFilterInit) {
        this.eagerFilterInit = eagerFilterInit;
    }

    /** Default request and response character encoding when {@code web.xml} sets none; default Undertow's (ISO-8859-1). */
    public String getDefaultEncoding() {
        return defaultEncoding;
    }

    public void setDefaultEncoding(String defaultEncoding) {
        this.defaultEncoding = defaultEncoding;
    }

    /** Largest request body accepted, in bytes; {@code -1} (default) keeps Undertow's default (unlimited). */
    public long getMaxEntitySize() {
        return maxEntitySize;
    }

    public void setMaxEntitySize(long maxEntitySize) {
        this.maxEntitySize = maxEntitySize;
    }
}
