package dev.holdline.reply;

import dev.holdline.http.HoldlineConfig;
import dev.holdline.reply.store.InMemoryOperationStore;
import dev.holdline.reply.store.JdbcOperationStore;
import dev.holdline.reply.store.OperationStore;
import dev.holdline.reply.store.UrlDataSource;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Set;

/**
 * Sets up asynchronous request-reply when the jar is in an application: reads the
 * {@code holdline.reply.*} settings, opens the store, creates the {@link ReplyRuntime}, registers the
 * status monitor (unless disabled), the listener that keeps the current request for
 * {@link Operations#submit(String, String, OperationTask)} and the one that starts and stops the
 * runtime. A bad setting fails the deployment.
 */
public final class ReplyInitializer implements ServletContainerInitializer {

    private static final System.Logger LOG = System.getLogger(ReplyInitializer.class.getName());

    /** The status monitor's registration name. */
    public static final String SERVLET_NAME = "holdline-reply";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        if (context.getAttribute(ReplyRuntime.ATTRIBUTE) != null) {
            return; // initialised already, e.g. the jar is visible twice
        }
        ReplySettings settings;
        OperationStore store;
        try {
            settings = ReplySettings.from(HoldlineConfig.of(context), defaultNode());
            store = store(settings, context.getClassLoader());
        } catch (IllegalArgumentException e) {
            throw new ServletException("holdline-reply: " + e.getMessage(), e);
        }
        String name = contextName(context);
        ReplyRuntime runtime = new ReplyRuntime(settings, store, name, context.getClassLoader(), Clock.systemUTC());
        context.setAttribute(ReplyRuntime.ATTRIBUTE, runtime);
        if (settings.enabled()) {
            ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME, new OperationStatusServlet(runtime));
            if (servlet == null) {
                throw new ServletException("holdline-reply: a servlet named " + SERVLET_NAME + " is already registered");
            }
            servlet.setAsyncSupported(true);
            Set<String> conflicts = servlet.addMapping(settings.mapping());
            if (!conflicts.isEmpty()) {
                throw new ServletException("holdline-reply: the mapping " + settings.mapping()
                        + " is already taken; set " + ReplySettings.MAPPING + " to another path");
            }
        }
        context.addListener(new CurrentRequest());
        context.addListener(new Lifecycle(runtime));
        LOG.log(System.Logger.Level.INFO, () -> "holdline-reply in " + name + ": " + runtime.describe());
    }

    private static OperationStore store(ReplySettings settings, ClassLoader loader) {
        if (settings.store().equals("memory")) {
            return new InMemoryOperationStore();
        }
        DataSource dataSource;
        if (!settings.dataSource().isEmpty()) {
            try {
                dataSource = (DataSource) new InitialContext().lookup(settings.dataSource());
            } catch (NamingException | ClassCastException e) {
                throw new IllegalArgumentException("Invalid configuration " + ReplySettings.DATASOURCE + ": "
                        + settings.dataSource() + " is not a DataSource in JNDI (" + e + ")", e);
            }
        } else {
            dataSource = new UrlDataSource(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword(), loader);
        }
        return new JdbcOperationStore(dataSource, settings.table());
    }

    // The JVM's name ("pid@host") tells nodes apart, and a restarted node is a new owner.
    private static String defaultNode() {
        String jvm = ManagementFactory.getRuntimeMXBean().getName();
        return jvm + "/" + Long.toString(System.currentTimeMillis(), 36);
    }

    private static String contextName(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** Starts the runtime once the application is up, and shuts it down when it is undeployed. */
    private static final class Lifecycle implements ServletContextListener {
        private final ReplyRuntime runtime;

        Lifecycle(ReplyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public void contextInitialized(ServletContextEvent event) {
            runtime.start();
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            try {
                runtime.close();
            } finally {
                event.getServletContext().removeAttribute(ReplyRuntime.ATTRIBUTE);
            }
        }
    }
}
