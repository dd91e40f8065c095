package dev.holdline.perf.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Set;

/**
 * Heap and thread figures of the server JVM. "Request threads in use" are the threads whose stack is
 * inside a servlet's {@code service()} at the moment of the dump, other than the thread asking and the
 * control servlets; a parked (asynchronous) request has left {@code service()} and holds none.
 */
final class ServerStats {

    private static final String SERVICE_FRAME = "jakarta.servlet.http.HttpServlet";
    private static final Set<String> CONTROL_SERVLETS = Set.of(StatsServlet.class.getName(), PublishServlet.class.getName());

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** Heap in use, after full collections when {@code collect} is set (System.gc() is a full GC with G1). */
    long heapUsed(boolean collect) {
        if (collect) {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    int liveThreads() {
        return threads.getThreadCount();
    }

    int requestThreadsInService() {
        long self = Thread.currentThread().getId();
        int busy = 0;
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            if (info == null || info.getThreadId() == self) {
                continue;
            }
            boolean inService = false;
            boolean control = false;
            for (StackTraceElement frame : info.getStackTrace()) {
                inService |= SERVICE_FRAME.equals(frame.getClassName()) && "service".equals(frame.getMethodName());
                control |= CONTROL_SERVLETS.contains(frame.getClassName());
            }
            if (inService && !control) {
                busy++;
            }
        }
        return busy;
    }
}
