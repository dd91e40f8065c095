package dev.holdline.perf.server;

import dev.holdline.coalesce.servlet.CoalescingFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Registers the bench servlets next to Holdline's (whose own initializer must run too):
 * {@code /bare}, {@code /bare-direct}, {@code /blocking}, {@code /publish} and {@code /stats}, sharing one {@link ReleaseSignal};
 * and {@code /quote/direct} and {@code /quote/coalesced} (behind the coalescing filter) with {@code /arrivals} for the
 * coalescing burst.
 */
public final class BenchInitializer implements ServletContainerInitializer {

    /** The Holdline topic the benchmark publishes to. */
    public static final String TOPIC = "bench";

    /**
     * Context parameters for Holdline: the topic, room for far more than 10k parked requests, and waits
     * up to 10 minutes, so that neither capacity nor wait clamping shapes the measurement.
     */
    public static final Map<String, String> CONTEXT_PARAMETERS = Map.of(
            "holdline.longpoll.topics", TOPIC + ":stream",
            "holdline.longpoll.max-parked", "50000",
            "holdline.longpoll.wait.max", "10m");

    private final int requestThreadsMax;

    /** {@code requestThreadsMax}: the size of the pool serving the measured endpoints, for the stats. */
    public BenchInitializer(int requestThreadsMax) {
        this.requestThreadsMax = requestThreadsMax;
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        ReleaseSignal signal = new ReleaseSignal();
        BareAsyncServlet bare = new BareAsyncServlet(signal, false);
        BareAsyncServlet bareDirect = new BareAsyncServlet(signal, true);
        BlockingServlet blocking = new BlockingServlet(signal);
        add(context, "bench-bare", bare, "/bare").setAsyncSupported(true);
        add(context, "bench-bare-direct", bareDirect, "/bare-direct").setAsyncSupported(true);
        add(context, "bench-blocking", blocking, "/blocking");
        add(context, "bench-publish", new PublishServlet(signal, TOPIC), "/publish");
        add(context, "bench-stats", new StatsServlet(bare, bareDirect, blocking, requestThreadsMax), "/stats");
        // The coalescing burst (CoalescingBurst): one servlet, the filter in front of one of its two paths.
        ServletRegistration.Dynamic quote = context.addServlet("bench-quote", new QuoteServlet());
        quote.addMapping("/quote/direct", "/quote/coalesced");
        quote.setAsyncSupported(true);
        // Arrival times first, then coalescing: both appended in this order (isMatchAfter = true).
        ArrivalWindow arrivals = new ArrivalWindow();
        FilterRegistration.Dynamic arrival = context.addFilter("bench-arrivals", arrivals.recorder());
        arrival.setAsyncSupported(true);
        arrival.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/quote/*");
        add(context, "bench-arrivals-report", arrivals.reporter(), "/arrivals");
        FilterRegistration.Dynamic coalesce = context.addFilter("bench-coalesce", CoalescingFilter.class);
        coalesce.setAsyncSupported(true);
        coalesce.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), true, "/quote/coalesced");
    }

    private static ServletRegistration.Dynamic add(ServletContext context, String name, jakarta.servlet.Servlet servlet, String mapping) {
        ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
        registration.addMapping(mapping);
        return registration;
    }
}
