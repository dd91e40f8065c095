package dev.holdline.tck.api;

/**
 * Names of optional container capabilities that some TCK tests need. A runner lists the ones its
 * container has in the system property {@value #PROPERTY} (comma-separated); a test marked
 * {@link RequiresCapability} for a missing one is reported "not applicable" rather than failed.
 * Vendors may define their own names; these are the ones the suite uses.
 */
public final class Capability {

    /** System property holding the container's capabilities, comma-separated. */
    public static final String PROPERTY = "holdline.tck.capabilities";

    /** The runner can undeploy one application while the container keeps serving (Arquillian {@code Deployer}). */
    public static final String UNDEPLOY = "undeploy";

    /** The container provides CDI itself or the runner bundles an implementation into each deployment. */
    public static final String CDI = "cdi";

    /** The container provides Jakarta REST itself or the runner bundles an implementation. */
    public static final String JAXRS = "jaxrs";

    /**
     * The container JVM runs the OpenTelemetry Java agent, exporting traces as OTLP/HTTP protobuf to
     * {@code http://127.0.0.1:<port>/v1/traces}, where {@code <port>} is the system property
     * {@value #OTEL_PORT_PROPERTY} of the test JVM (the suite's collector listens there).
     */
    public static final String OTEL_AGENT = "otel-agent";

    /** System property naming the port of the collector the {@link #OTEL_AGENT} agent exports to. */
    public static final String OTEL_PORT_PROPERTY = "holdline.tck.otel.port";

    private Capability() {
    }
}
