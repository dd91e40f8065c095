package dev.holdline.tck.harness;

import org.jboss.arquillian.config.descriptor.api.ArquillianDescriptor;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * Bundles the CDI and Jakarta REST implementations into client-only deployments
 * ({@code @Deployment(testable = false)}), which Arquillian deploys without running archive
 * processors. Without it, such a deployment on a servlet container would silently have no CDI.
 */
public final class ClientDeploymentBundler {

    @Inject
    private Instance<ArquillianDescriptor> descriptor;

    /** Runs just before each deployment reaches the container. */
    public void beforeDeploy(@Observes BeforeDeploy event) {
        DeploymentDescription deployment = event.getDeployment();
        if (deployment.isArchiveDeployment() && !deployment.testable()) {
            ImplementationBundler.bundleInto(deployment.getArchive(), descriptor.get());
        }
    }
}
