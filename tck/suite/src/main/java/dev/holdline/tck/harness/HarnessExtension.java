package dev.holdline.tck.harness;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers the TCK's client-side Arquillian services. It is on every runner's class path (it ships
 * in the suite jar), so each service must do nothing unless the runner's {@code arquillian.xml} asks
 * for it.
 */
public final class HarnessExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, ImplementationBundler.class);
        builder.observer(ClientDeploymentBundler.class);
    }
}
