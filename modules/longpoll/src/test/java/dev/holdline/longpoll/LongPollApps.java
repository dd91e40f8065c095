package dev.holdline.longpoll;

import dev.holdline.testing.EmbeddedUndertow;
import io.undertow.servlet.api.DeploymentInfo;
import java.util.Map;
import java.util.function.Consumer;

/** Applications with the long-poll module deployed on a real embedded Undertow, as a WAR would have it. */
final class LongPollApps {

    private LongPollApps() {
    }

    /** Deploys an application at the root context with these context-params, without CDI. */
    static EmbeddedUndertow start(Map<String, String> contextParams) throws Exception {
        return EmbeddedUndertow.start(contextParams, LongPollInitializer.class::isInstance);
    }

    /**
     * Deploys an application at the root context.
     *
     * @param withCdi also run the other initializers on the class path, which boot Weld Servlet
     * @param extra   adds servlets or listeners to the deployment
     */
    static EmbeddedUndertow start(Map<String, String> contextParams, boolean withCdi, Consumer<DeploymentInfo> extra)
            throws Exception {
        DeploymentInfo deployment = EmbeddedUndertow.deployment(contextParams);
        extra.accept(deployment);
        return EmbeddedUndertow.start(EmbeddedUndertow.withInitializers(deployment,
                initializer -> withCdi || initializer instanceof LongPollInitializer));
    }

    static LongPollRuntime runtime(EmbeddedUndertow server) {
        return LongPollRuntime.of(server.servletContext());
    }
}
