package dev.holdline.perf.server;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes a bench server stop by itself: when its standard input ends (the driver that started it exited,
 * however it died) and at the latest after a maximum lifetime.
 */
final class ServerLifetime {

    private static final System.Logger LOG = System.getLogger(ServerLifetime.class.getName());

    private ServerLifetime() {
    }

    /** Starts the two watchdogs as daemon threads; {@code stop} runs before the JVM exits. */
    static void watch(Duration maxLifetime, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "bench-server-stop"));
        daemon("bench-server-stdin", () -> {
            InputStream in = System.in;
            try {
                while (in.read() >= 0) {
                    // the driver never writes; reading only detects its end
                }
            } catch (IOException ignored) {
                // treated as the end
            }
            System.exit(0);
        });
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bench-server-lifetime");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.schedule(() -> {
            LOG.log(System.Logger.Level.WARNING, "bench server: maximum lifetime " + maxLifetime + " reached, exiting");
            System.exit(2);
        }, maxLifetime.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
