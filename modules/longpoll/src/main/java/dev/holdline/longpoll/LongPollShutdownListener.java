package dev.holdline.longpoll;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Answers every parked request when the application is undeployed, because no container does
 * (docs/containers.md), then stops the scheduler and removes the MBean.
 */
final class LongPollShutdownListener implements ServletContextListener {

    private final LongPollRuntime runtime;
    private final JmxRegistration jmx;

    LongPollShutdownListener(LongPollRuntime runtime, JmxRegistration jmx) {
        this.runtime = runtime;
        this.jmx = jmx;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        try {
            runtime.close();
        } finally {
            jmx.unregister();
            event.getServletContext().removeAttribute(LongPollRuntime.ATTRIBUTE);
        }
    }
}
