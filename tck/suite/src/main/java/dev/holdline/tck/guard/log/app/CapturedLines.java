package dev.holdline.tck.guard.log.app;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Deployed: captures what reaches the access-log logger ({@code dev.holdline.guard.access}, documented in
 * docs/guard.md) with a {@code java.util.logging} handler for as long as the application is deployed, so
 * that {@link LinesServlet} can show the lines to the test: reading a container's own log files is not
 * portable. {@code System.Logger} ends in {@code java.util.logging} on every container of the TCK.
 */
@WebListener
public class CapturedLines implements ServletContextListener {

    static final String ATTRIBUTE = CapturedLines.class.getName();

    private Logger logger;
    private Handler handler;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        List<String> lines = new CopyOnWriteArrayList<>();
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage() != null && lines.size() < 10_000) {
                    lines.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger = Logger.getLogger("dev.holdline.guard.access");
        logger.addHandler(handler);
        event.getServletContext().setAttribute(ATTRIBUTE, lines);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (logger != null) {
            logger.removeHandler(handler);
        }
    }
}
