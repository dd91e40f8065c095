package dev.holdline.arquillian.undertow;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;

import jakarta.servlet.ServletException;

import io.undertow.server.handlers.PathHandler;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainer;

/**
 * One started web application: its Undertow deployment, class loader and exploded directory.
 * {@link #undeploy()} does what {@link UndertowDeployableContainer#undeploy} documents.
 */
final class WebAppDeployment {

    private static final System.Logger LOG = System.getLogger(WebAppDeployment.class.getName());

    private final String archiveName;
    private final String contextPath;
    private final DeploymentInfo info;
    private final DeploymentManager manager;
    private final ServletContainer container;
    private final PathHandler paths;
    private final WebAppClassLoader loader;
    private final List<Closeable> resources;
    private final Path directory;
    private final boolean deleteDirectory;
    private final List<String> servletNames;

    WebAppDeployment(String archiveName, String contextPath, DeploymentInfo info, DeploymentManager manager, ServletContainer container,
                     PathHandler paths, WebAppClassLoader loader, List<Closeable> resources, Path directory,
                     boolean deleteDirectory, List<String> servletNames) {
        this.archiveName = archiveName;
        this.contextPath = contextPath;
        this.info = info;
        this.manager = manager;
        this.container = container;
        this.paths = paths;
        this.loader = loader;
        this.resources = resources;
        this.directory = directory;
        this.deleteDirectory = deleteDirectory;
        this.servletNames = List.copyOf(servletNames);
    }

    String archiveName() {
        return archiveName;
    }

    /** Context path as the Servlet API reports it: empty for the root context, otherwise {@code /name}. */
    String contextPath() {
        return contextPath;
    }

    List<String> servletNames() {
        return servletNames;
    }

    void undeploy() throws ServletException {
        paths.removePrefixPath(contextPath.isEmpty() ? "/" : contextPath);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            manager.stop();
            manager.undeploy();
        } finally {
            thread.setContextClassLoader(previous);
            container.removeDeployment(info);
            release();
        }
        LOG.log(Level.INFO, "Undeployed {0} from {1}", archiveName, contextPath.isEmpty() ? "/" : contextPath);
    }

    /** Frees files and class loaders; also used when a deployment fails half-way. */
    void release() {
        for (Closeable resource : resources) {
            closeQuietly(resource);
        }
        closeQuietly(loader);
        if (deleteDirectory) {
            try {
                WebArchiveExploder.deleteRecursively(directory);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not delete " + directory, e);
            }
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Closing " + c + " failed", e);
        }
    }
}
