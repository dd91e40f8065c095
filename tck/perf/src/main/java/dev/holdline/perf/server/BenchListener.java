package dev.holdline.perf.server;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;

/**
 * Registers the bench servlets in a WAR (Payara Micro), where the application is deployed rather than built
 * in code: declared in {@code web.xml}, so it may add servlets. The request-thread pool's size, for the stats
 * only, comes from context parameter {@code holdline.bench.request-threads} (default 200).
 */
public final class BenchListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String threads = event.getServletContext().getInitParameter("holdline.bench.request-threads");
        new BenchInitializer(threads == null ? 200 : Integer.parseInt(threads)).onStartup(Set.of(), event.getServletContext());
    }
}
