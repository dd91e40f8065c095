package dev.holdline.tck.harness;

import java.io.File;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.config.descriptor.api.ArquillianDescriptor;
import org.jboss.arquillian.config.descriptor.api.ExtensionDef;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.jboss.shrinkwrap.resolver.api.maven.strategy.RejectDependenciesStrategy;

/**
 * Adds the CDI and Jakarta REST implementations (Weld, RESTEasy) to every web archive deployed to a
 * servlet-only container, so that one suite runs unchanged on Tomcat, Undertow and full servers.
 *
 * <p>Configured in the runner's {@code arquillian.xml}; without the extension element it does nothing
 * (full servers such as Payara provide both implementations themselves):
 * <pre>{@code
 * <extension qualifier="holdline-bundle">
 *   <property name="artifacts">org.jboss.weld.servlet:weld-servlet-core:5.1.6.Final, ...</property>
 *   <property name="exclusions">jakarta.servlet:jakarta.servlet-api</property>
 * </extension>
 * }</pre>
 * Artifacts are resolved with their transitive dependencies through Maven (the local repository
 * first), minus the exclusions: the servlet API must come from the container, never the WAR.
 *
 * <p>Arquillian runs archive processors only for testable deployments; {@link ClientDeploymentBundler}
 * does the same for {@code @Deployment(testable = false)} ones.
 */
public final class ImplementationBundler implements ApplicationArchiveProcessor {

    /** The {@code arquillian.xml} extension qualifier this processor reads. */
    public static final String QUALIFIER = "holdline-bundle";

    private static final System.Logger LOG = System.getLogger(ImplementationBundler.class.getName());

    /** Resolution costs about a second; every deployment of a run bundles the same files. */
    private static final Map<String, File[]> RESOLVED = new ConcurrentHashMap<>();

    @Inject
    private Instance<ArquillianDescriptor> descriptor;

    @Override
    public void process(Archive<?> archive, TestClass testClass) {
        bundleInto(archive, descriptor.get());
    }

    /** Adds the configured implementations to {@code archive} if it is a web archive; shared with {@link ClientDeploymentBundler}. */
    static void bundleInto(Archive<?> archive, ArquillianDescriptor descriptor) {
        if (!(archive instanceof WebArchive)) {
            return;
        }
        ExtensionDef extension = descriptor.extension(QUALIFIER);
        Map<String, String> properties = extension.getExtensionProperties();
        List<String> artifacts = list(properties.get("artifacts"));
        if (artifacts.isEmpty()) {
            return;
        }
        List<String> exclusions = list(properties.get("exclusions"));
        File[] libraries = RESOLVED.computeIfAbsent(artifacts + " - " + exclusions, key -> resolve(artifacts, exclusions));
        ((WebArchive) archive).addAsLibraries(libraries);
    }

    private static File[] resolve(List<String> artifacts, List<String> exclusions) {
        LOG.log(Level.INFO, "Bundling {0} (without {1}) into every web archive", artifacts, exclusions);
        return Maven.resolver()
                .resolve(artifacts)
                .using(new RejectDependenciesStrategy(false, exclusions.toArray(String[]::new)))
                .asFile();
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
    }
}
