package dev.holdline.longpoll;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Registers a runtime's {@link LongPollMXBean} and removes it again. Failures are logged and ignored:
 * monitoring must never keep an application from deploying or undeploying.
 */
final class JmxRegistration {

    private static final System.Logger LOG = System.getLogger(JmxRegistration.class.getName());

    private final ObjectName name;

    private JmxRegistration(ObjectName name) {
        this.name = name;
    }

    static JmxRegistration register(LongPollRuntime runtime, String contextPath) {
        try {
            ObjectName name = objectName(contextPath);
            LongPollMXBean view = new LongPollMXBean() {
                @Override
                public int getParked() {
                    return runtime.parked();
                }

                @Override
                public boolean isShuttingDown() {
                    return runtime.isShuttingDown();
                }
            };
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.registerMBean(new StandardMBean(view, LongPollMXBean.class, true), name);
            return new JmxRegistration(name);
        } catch (Exception | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "Could not register the long-poll MBean of context '" + contextPath
                    + "'; the Parked attribute will not be available", e);
            return new JmxRegistration(null);
        }
    }

    static ObjectName objectName(String contextPath) throws Exception {
        String context = contextPath == null || contextPath.isEmpty() ? "/" : contextPath;
        return new ObjectName("dev.holdline:type=LongPoll,context=" + ObjectName.quote(context));
    }

    void unregister() {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (Exception | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "Could not unregister " + name, e);
        }
    }
}
