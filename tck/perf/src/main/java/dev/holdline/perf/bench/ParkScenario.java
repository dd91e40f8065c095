package dev.holdline.perf.bench;

import dev.holdline.perf.client.ConnectionListener;
import dev.holdline.perf.client.ControlClient;
import dev.holdline.perf.client.NioHttpClient;
import dev.holdline.perf.client.PollConnection;
import dev.holdline.perf.client.Response;
import dev.holdline.perf.client.ServerProcess;
import dev.holdline.perf.client.ServerSnapshot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One scenario on a fresh server: warm up, measure the idle heap, park N polls (in batches, paced by the
 * server's parked count so the listen backlog never overflows), measure heap and threads, publish once and
 * time every delivery, then re-poll for a fixed time while publishing every 50 ms to count polls per
 * second. Every wait is bounded; the connections are reset at the end.
 */
final class ParkScenario {

    private static final System.Logger LOG = System.getLogger(ParkScenario.class.getName());

    /** Long enough that no poll ends by its wait during a scenario. */
    static final int WAIT_SECONDS = 120;
    private static final int BATCH = 500;
    private static final int WARM_UP_WAITERS = 200;
    private static final int WARM_UP_WAIT_SECONDS = 3;
    private static final Duration PUBLISH_INTERVAL = Duration.ofMillis(50);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

    private final ServerProcess server;
    private final ControlClient control;
    private final InetSocketAddress address;
    private final Endpoint endpoint;

    ParkScenario(ServerProcess server, Endpoint endpoint) {
        this.server = server;
        this.control = new ControlClient(server.controlPort());
        this.address = new InetSocketAddress("127.0.0.1", server.port());
        this.endpoint = endpoint;
    }

    ScenarioResult run(int run, int waiters, Duration throughput) throws IOException, InterruptedException {
        // The warm-up's polls wait briefly, so that those left parked by its throughput phase end by themselves.
        round(Math.min(waiters, WARM_UP_WAITERS), Duration.ofSeconds(2), WARM_UP_WAIT_SECONDS);
        ServerSnapshot settled = control.awaitStats(s -> endpoint.held(s) == 0, STEP_TIMEOUT);
        check(endpoint.held(settled) == 0, "warm-up requests still held: " + settled);
        ServerSnapshot idle = control.stats(true);
        Measured measured = round(waiters, throughput, WAIT_SECONDS);
        Percentiles delivery = new Percentiles(measured.deliveryNanos);
        return new ScenarioResult(run, server.container(), endpoint, waiters, idle, measured.parked, delivery.count(),
                delivery.millis(50), delivery.millis(99), delivery.maxMillis(), measured.publishNanos / 1e6,
                measured.pollsPerSecond, measured.failures);
    }

    private record Measured(ServerSnapshot parked, long[] deliveryNanos, long publishNanos, double pollsPerSecond, int failures) {
    }

    private Measured round(int count, Duration throughput, int waitSeconds) throws IOException, InterruptedException {
        try (NioHttpClient client = new NioHttpClient("bench-driver " + endpoint)) {
            Waiters waiters = new Waiters(client, endpoint, count, waitSeconds);
            List<PollConnection> connections = park(client, waiters, firstCursor(client), count, waitSeconds);
            ServerSnapshot parked = control.stats(true);

            CountDownLatch delivered = waiters.expectDelivery(count, System.nanoTime());
            long publishNanos = control.publish();
            if (!delivered.await(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, endpoint + ": only " + (count - delivered.getCount()) + " of " + count + " delivered");
            }

            waiters.startThroughput(connections);
            long start = System.nanoTime();
            for (long next = start; next - start < throughput.toNanos(); next += PUBLISH_INTERVAL.toNanos()) {
                long pause = next - System.nanoTime();
                if (pause > 0) {
                    TimeUnit.NANOSECONDS.sleep(pause); // pacing the publisher, not synchronisation
                }
                control.publish();
            }
            long[] window = waiters.stopThroughput();
            waiters.ending();
            client.abortAll();
            return new Measured(parked, waiters.deliveryNanos(), publishNanos, window[0] / (window[1] / 1e9), waiters.failures());
        }
    }

    /** Opens and parks {@code count} polls from {@code cursor}, batch by batch. */
    private List<PollConnection> park(NioHttpClient client, Waiters waiters, String cursor, int count, int waitSeconds)
            throws IOException, InterruptedException {
        List<PollConnection> connections = new ArrayList<>(count);
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            for (int i = from; i < to; i++) {
                PollConnection connection = client.connect(address, waiters);
                connection.attachment = i;
                client.get(connection, endpoint.poll(cursor, waitSeconds));
                connections.add(connection);
            }
            check(waiters.sent().tryAcquire(to - from, STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                    "requests " + from + ".." + to + " not written within " + STEP_TIMEOUT);
            if (endpoint != Endpoint.BLOCKING) {
                int expected = to;
                ServerSnapshot stats = control.awaitStats(s -> endpoint.held(s) >= expected, STEP_TIMEOUT);
                check(endpoint.held(stats) >= expected, "server holds " + endpoint.held(stats) + " of " + expected + " requests");
            }
        }
        if (endpoint == Endpoint.BLOCKING) {
            // Only a pool's worth can block; the rest wait in the container's queue. Wait until the pool is full.
            control.awaitStats(s -> s.blockingParked() >= Math.min(count, s.requestThreadsMax()), STEP_TIMEOUT);
        }
        return connections;
    }

    /** A poll without cursor, answered at once with the current one. */
    private String firstCursor(NioHttpClient client) throws IOException, InterruptedException {
        CompletableFuture<String> cursor = new CompletableFuture<>();
        PollConnection connection = client.connect(address, new ConnectionListener() {
            @Override
            public void onResponse(PollConnection c, Response response) {
                cursor.complete(response.etag());
            }

            @Override
            public void onClosed(PollConnection c, String reason) {
                cursor.completeExceptionally(new IOException("closed before the first cursor: " + reason));
            }
        });
        client.get(connection, endpoint.path());
        try {
            return cursor.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("no first cursor from " + endpoint.path(), e);
        } finally {
            client.abort(connection);
        }
    }

    private static void check(boolean condition, String message) throws IOException {
        if (!condition) {
            throw new IOException(message);
        }
    }
}
