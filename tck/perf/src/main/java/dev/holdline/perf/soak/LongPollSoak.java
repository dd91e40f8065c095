package dev.holdline.perf.soak;

import dev.holdline.perf.client.ConnectionListener;
import dev.holdline.perf.client.Container;
import dev.holdline.perf.client.ControlClient;
import dev.holdline.perf.client.NioHttpClient;
import dev.holdline.perf.client.PollConnection;
import dev.holdline.perf.client.Response;
import dev.holdline.perf.client.ServerProcess;
import dev.holdline.perf.client.ServerSnapshot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bounded soak against one container: a warm-up phase, a heap measurement, the measured phase, then a
 * bounded wait (30 s) for Holdline's parked count to return to zero and a second heap measurement. A
 * publisher thread publishes at a fixed interval while cycles run. {@link #main} runs it from the command
 * line: {@code -Dholdline.perf.soak.cycles=20000 -Dholdline.perf.soak.containers=undertow,tomcat}.
 */
public final class LongPollSoak {

    private static final System.Logger LOG = System.getLogger(LongPollSoak.class.getName());

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final ServerProcess server;
    private final ControlClient control;
    private final SoakSettings settings;

    /** A soak on a running server. */
    public LongPollSoak(ServerProcess server, SoakSettings settings) {
        this.server = server;
        this.control = new ControlClient(server.controlPort());
        this.settings = settings;
    }

    /** Starts a server for {@code container}, soaks it and stops it. */
    public static SoakResult run(Container container, SoakSettings settings, Path log) throws IOException, InterruptedException {
        try (ServerProcess server = ServerProcess.start(container, ServerProcess.classpathFromSystemProperties(), 200, log)) {
            return new LongPollSoak(server, settings).run();
        }
    }

    /** Runs warm-up and measured phase; every wait in it is bounded. */
    public SoakResult run() throws IOException, InterruptedException {
        String cursor = firstCursor();
        Phase warmUp = phase(cursor, settings.warmUpCycles());
        awaitNothingParked();
        long warmHeap = control.stats(true).heapUsed();

        long start = System.nanoTime();
        Phase measured = phase(warmUp.latestCursor, settings.cycles());
        long cyclesMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long drainStart = System.nanoTime();
        ServerSnapshot after = awaitNothingParked();
        long drainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drainStart);
        long endHeap = control.stats(true).heapUsed();
        return new SoakResult(server.container(), settings, measured.answered, measured.aborted,
                warmUp.failures + measured.failures, after.holdlineParked(), drainMillis, warmHeap, endHeap, cyclesMillis);
    }

    private record Phase(int answered, int aborted, int failures, String latestCursor) {
    }

    private Phase phase(String cursor, int cycles) throws IOException, InterruptedException {
        // Bounded: every cycle ends within the wait plus jitter (or its reset); allow generous slack on 2 cores.
        long boundSeconds = 60 + (long) cycles / settings.concurrency() * (settings.waitSeconds() + 1) * 2;
        AtomicBoolean publishing = new AtomicBoolean(true);
        Thread publisher = new Thread(() -> publishWhile(publishing), "soak-publisher");
        try (NioHttpClient client = new NioHttpClient("soak-driver")) {
            SoakCycles soak = new SoakCycles(client, new InetSocketAddress("127.0.0.1", server.port()), cursor, cycles,
                    settings.abortShare(), settings.waitSeconds());
            publisher.start();
            soak.start(settings.concurrency());
            boolean finished = soak.await(boundSeconds, TimeUnit.SECONDS);
            publishing.set(false);
            publisher.join(TimeUnit.SECONDS.toMillis(30));
            client.abortAll();
            if (!finished) {
                throw new IOException("soak phase of " + cycles + " cycles did not end within " + boundSeconds + " s: "
                        + soak.answered() + " answered, " + soak.aborted() + " aborted");
            }
            return new Phase(soak.answered(), soak.aborted(), soak.failures(), soak.latestCursor());
        } finally {
            publishing.set(false);
        }
    }

    private void publishWhile(AtomicBoolean publishing) {
        long interval = settings.publishInterval().toNanos();
        long next = System.nanoTime();
        while (publishing.get()) {
            next += interval;
            try {
                control.publish();
                long pause = next - System.nanoTime();
                if (pause > 0) {
                    TimeUnit.NANOSECONDS.sleep(pause); // the publishing rate, not synchronisation
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "soak publish failed: " + e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private ServerSnapshot awaitNothingParked() throws IOException, InterruptedException {
        return control.awaitStats(s -> s.holdlineParked() == 0, DRAIN_TIMEOUT);
    }

    private String firstCursor() throws IOException, InterruptedException {
        CompletableFuture<String> cursor = new CompletableFuture<>();
        try (NioHttpClient client = new NioHttpClient("soak-first-cursor")) {
            PollConnection connection = client.connect(new InetSocketAddress("127.0.0.1", server.port()), new ConnectionListener() {
                @Override
                public void onResponse(PollConnection c, Response response) {
                    cursor.complete(response.etag());
                }
            });
            client.get(connection, "/events/bench");
            return cursor.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no first cursor", e);
        }
    }

    /** Soaks every container named in {@code holdline.perf.soak.containers}; exits with 1 if one failed. */
    public static void main(String[] args) throws Exception {
        int cycles = Integer.getInteger("holdline.perf.soak.cycles", SoakSettings.FULL_CYCLES);
        Path logs = Path.of(System.getProperty("holdline.perf.logDir", "target/perf-logs"));
        boolean passed = true;
        for (Container container : Container.parse(System.getProperty("holdline.perf.soak.containers", "undertow,tomcat"))) {
            long start = System.nanoTime();
            SoakResult result = run(container, SoakSettings.of(cycles), logs.resolve("soak-" + container + ".log"));
            System.out.println(result.summary() + String.format(java.util.Locale.ROOT, " [total %.1f s with server start]",
                    (System.nanoTime() - start) / 1e9));
            passed &= result.passed();
        }
        System.exit(passed ? 0 : 1);
    }
}
