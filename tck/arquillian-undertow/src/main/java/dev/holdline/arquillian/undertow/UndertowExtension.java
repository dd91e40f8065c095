package dev.holdline.arquillian.undertow;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Arquillian extension that makes the embedded Undertow container available to {@code arquillian.xml}
 * (found through {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}).
 */
public final class UndertowExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, UndertowDeployableContainer.class);
    }
}
