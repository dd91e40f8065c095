package dev.holdline.longpoll;

import dev.holdline.http.HoldlineConfig;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.time.Clock;
import java.util.Set;

/**
 * Sets up long polling when the jar is in an application: reads the {@code holdline.longpoll.*}
 * settings, creates the {@link LongPollRuntime}, declares the configured topics, registers the servlet
 * (unless disabled) and a listener that shuts down on undeploy. A bad setting fails the deployment.
 */
public final class LongPollInitializer implements ServletContainerInitializer {

    private static final System.Logger LOG = System.getLogger(LongPollInitializer.class.getName());

    /** The servlet's registration name. */
    public static final String SERVLET_NAME = "holdline-longpoll";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        if (context.getAttribute(LongPollRuntime.ATTRIBUTE) != null) {
            return; // initialised already, e.g. the jar is visible twice
        }
        LongPollSettings settings;
        try {
            settings = LongPollSettings.from(HoldlineConfig.of(context), context.getClassLoader());
        } catch (IllegalArgumentException e) {
            throw new ServletException("holdline-longpoll: " + e.getMessage(), e);
        }
        LongPollRuntime runtime = new LongPollRuntime(settings, contextName(context), Clock.systemUTC());
        context.setAttribute(LongPollRuntime.ATTRIBUTE, runtime);
        if (settings.enabled()) {
            ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME, new LongPollServlet(runtime));
            if (servlet == null) {
                throw new ServletException("holdline-longpoll: a servlet named " + SERVLET_NAME + " is already registered");
            }
            servlet.setAsyncSupported(true);
            Set<String> conflicts = servlet.addMapping(settings.mapping());
            if (!conflicts.isEmpty()) {
                throw new ServletException("holdline-longpoll: the mapping " + settings.mapping()
                        + " is already taken; set " + LongPollSettings.MAPPING + " to another path");
            }
        }
        context.addListener(new LongPollShutdownListener(runtime, JmxRegistration.register(runtime, context.getContextPath())));
        LOG.log(System.Logger.Level.INFO, () -> "holdline-longpoll in " + contextName(context) + ": "
                + (settings.enabled() ? settings.describe() : "servlet disabled, " + settings.topics().size() + " topics"));
    }

    private static String contextName(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
