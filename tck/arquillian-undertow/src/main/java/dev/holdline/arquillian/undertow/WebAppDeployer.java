package dev.holdline.arquillian.undertow;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.jandex.CompositeIndex;
import org.jboss.jandex.IndexView;
import org.jboss.shrinkwrap.api.Archive;

import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.ResourceManager;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainer;
import io.undertow.servlet.api.ServletContainerInitializerInfo;

/**
 * Turns a WAR archive into a started {@link WebAppDeployment}: explode, build the class loader, read
 * {@code web.xml} and fragments, scan annotations, find initializers, merge, then deploy and start on Undertow
 * and map the context path.
 */
final class WebAppDeployer {

    private static final System.Logger LOG = System.getLogger(WebAppDeployer.class.getName());

    private final UndertowContainerConfiguration config;
    private final ServletContainer container;
    private final PathHandler paths;
    private final ClassIndexer indexer;
    private final WebArchiveExploder exploder = new WebArchiveExploder();
    private final WebDescriptorReader descriptorReader = new WebDescriptorReader();
    private final AnnotationScanner annotationScanner = new AnnotationScanner();
    private final DescriptorMerger merger = new DescriptorMerger();
    private final InitializerDiscovery initializerDiscovery = new InitializerDiscovery();
    private final DeploymentInfoFactory infoFactory;

    WebAppDeployer(UndertowContainerConfiguration config, ServletContainer container, PathHandler paths,
                   ClassIndexer indexer) {
        this.config = config;
        this.container = container;
        this.paths = paths;
        this.indexer = indexer;
        this.infoFactory = new DeploymentInfoFactory(config);
    }

    /** Context path of an archive, Tomcat style: {@code app.war} is {@code /app}, {@code ROOT.war} the root. */
    static String contextPath(String archiveName) {
        String base = archiveName.endsWith(".war") ? archiveName.substring(0, archiveName.length() - 4) : archiveName;
        return base.equals("ROOT") ? "" : "/" + base.replace('#', '/');
    }

    WebAppDeployment deploy(Archive<?> archive) throws IOException, jakarta.servlet.ServletException {
        String name = archive.getName();
        String contextPath = contextPath(name);
        Path directory = Path.of(config.getDeploymentDirectory()).toAbsolutePath().resolve(stripWar(name));
        long started = System.nanoTime();

        WebAppLayout layout = exploder.explode(archive, directory.resolve("webapp"));
        Path tempDir = Files.createDirectories(directory.resolve("work"));
        WebAppClassLoader loader = new WebAppClassLoader(name, layout.classPath(), WebAppDeployer.class.getClassLoader());
        List<Closeable> resources = new ArrayList<>();
        DeploymentInfo info = null;
        DeploymentManager manager = null;
        try {
            Map<ClassRoot, IndexView> indexes = indexAll(layout);
            WebDescriptor effective = effectiveDescriptor(layout, indexes);
            IndexView warIndex = CompositeIndex.create(indexes.values().toArray(new IndexView[0]));
            List<ServletContainerInitializerInfo> initializers = initializerDiscovery.discover(loader, warIndex);
            ResourceManager resourceManager = resourceManager(layout, resources);
            info = infoFactory.create(name, contextPath, effective, loader, resourceManager,
                    initializers, tempDir);

            manager = container.addDeployment(info);
            HttpHandler handler = start(manager, loader);
            List<String> servletNames = new ArrayList<>(manager.getDeployment().getServlets().getServletHandlers().keySet());
            paths.addPrefixPath(contextPath.isEmpty() ? "/" : contextPath, handler);
            LOG.log(Level.INFO, "Deployed {0} at {1} in {2} ms (servlets {3}, initializers {4})", name,
                    contextPath.isEmpty() ? "/" : contextPath, (System.nanoTime() - started) / 1_000_000,
                    servletNames, initializers.stream().map(i -> i.getServletContainerInitializerClass().getName()).toList());
            return new WebAppDeployment(name, contextPath, info, manager, container, paths, loader, resources,
                    directory, config.isDeleteOnUndeploy(), servletNames);
        } catch (IOException | RuntimeException | jakarta.servlet.ServletException | Error e) {
            if (manager != null) {
                stopQuietly(manager, loader);
                container.removeDeployment(info);
            }
            resources.forEach(WebAppDeployer::closeQuietly);
            closeQuietly(loader);
            throw e;
        }
    }

    /**
     * Reads and merges every metadata source, highest priority first: {@code web.xml}, annotations in
     * {@code WEB-INF/classes}, the fragments, then annotations in the libraries. A metadata-complete
     * {@code web.xml} excludes everything else; a metadata-complete fragment excludes its library's annotations.
     * Fragment ordering ({@code <absolute-ordering>}, {@code <ordering>}) is not applied: library name order is.
     */
    private WebDescriptor effectiveDescriptor(WebAppLayout layout, Map<ClassRoot, IndexView> indexes) throws IOException {
        WebDescriptor webXml = Files.isRegularFile(layout.webXml())
                ? descriptorReader.read(layout.webXml().toString(), Files.readAllBytes(layout.webXml()))
                : new WebDescriptor("no web.xml");
        List<WebDescriptor> ordered = new ArrayList<>();
        ordered.add(webXml);
        if (!webXml.metadataComplete()) {
            if (layout.classes().isPresent()) {
                ClassRoot classes = layout.classes().get();
                ordered.add(annotationScanner.scan(classes.name(), indexes.get(classes)));
            }
            List<WebDescriptor> libraryAnnotations = new ArrayList<>();
            for (ClassRoot library : layout.libraries()) {
                Optional<byte[]> xml = library.read("META-INF/web-fragment.xml");
                WebDescriptor fragment = xml.isPresent()
                        ? descriptorReader.read(library.name() + "!/META-INF/web-fragment.xml", xml.get())
                        : null;
                if (fragment != null) {
                    ordered.add(fragment);
                }
                if (fragment == null || !fragment.metadataComplete()) {
                    libraryAnnotations.add(annotationScanner.scan(library.name(), indexes.get(library)));
                }
            }
            ordered.addAll(libraryAnnotations);
        }
        return merger.merge(ordered);
    }

    private Map<ClassRoot, IndexView> indexAll(WebAppLayout layout) throws IOException {
        Map<ClassRoot, IndexView> indexes = new LinkedHashMap<>();
        for (ClassRoot root : layout.classRoots()) {
            indexes.put(root, indexer.index(root));
        }
        return indexes;
    }

    private static void stopQuietly(DeploymentManager manager, ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            if (manager.getState() == DeploymentManager.State.STARTED) {
                manager.stop();
            }
            if (manager.getState() == DeploymentManager.State.DEPLOYED) {
                manager.undeploy();
            }
        } catch (Exception | Error e) {
            LOG.log(Level.DEBUG, "Cleaning up a failed deployment", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static HttpHandler start(DeploymentManager manager, ClassLoader loader) throws jakarta.servlet.ServletException {
        // Undertow looks up ServletExtensions through the context class loader too; it must be the WAR's
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            manager.deploy();
            return manager.start();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static ResourceManager resourceManager(WebAppLayout layout, List<Closeable> resources) {
        List<ResourceManager> managers = new ArrayList<>();
        managers.add(new PathResourceManager(layout.root(), 1024, true, false));
        if (!layout.libraries().isEmpty()) {
            // a parentless loader sees only the libraries, so the test class path cannot leak static content
            URLClassLoader libraries = new URLClassLoader(layout.libraryUrls(), null);
            resources.add(libraries);
            managers.add(new ClassPathResourceManager(libraries, "META-INF/resources"));
        }
        CompositeResourceManager composite = new CompositeResourceManager(managers);
        resources.add(composite);
        return composite;
    }

    private static String stripWar(String name) {
        return name.endsWith(".war") ? name.substring(0, name.length() - 4) : name;
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Closing " + c + " failed", e);
        }
    }
}
