package dev.holdline.arquillian.undertow.app.lifecycle;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Records context start and stop. */
@WebListener
public class LifecycleListener implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Events.record("contextInitialized");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Events.record("contextDestroyed");
    }
}
