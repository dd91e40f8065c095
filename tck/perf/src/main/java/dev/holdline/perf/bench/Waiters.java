package dev.holdline.perf.bench;

import dev.holdline.perf.client.ConnectionListener;
import dev.holdline.perf.client.NioHttpClient;
import dev.holdline.perf.client.PollConnection;
import dev.holdline.perf.client.Response;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver's side of N waiting clients on one endpoint: counts requests written, records when each
 * client's answer to the publish arrived, and in the throughput phase re-polls at once from the cursor
 * (ETag) of every answer, counting answers inside the measuring window. Callbacks run on the client's
 * selector thread; the scenario reads the results after the latches and semaphores it waits on.
 */
final class Waiters implements ConnectionListener {

    private static final System.Logger LOG = System.getLogger(Waiters.class.getName());

    private final NioHttpClient client;
    private final Endpoint endpoint;
    private final int waitSeconds;
    private final long[] deliveredAt;
    private final String[] cursors;
    private final Semaphore sent = new Semaphore(0);
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong windowAnswers = new AtomicLong();
    private volatile CountDownLatch delivered = new CountDownLatch(0);
    private volatile long publishedAt;
    private volatile boolean repoll;
    private volatile boolean counting;
    private volatile long windowStart;
    private volatile boolean ending;

    Waiters(NioHttpClient client, Endpoint endpoint, int count, int waitSeconds) {
        this.client = client;
        this.endpoint = endpoint;
        this.waitSeconds = waitSeconds;
        this.deliveredAt = new long[count];
        this.cursors = new String[count];
    }

    /** Permits released as requests are written completely. */
    Semaphore sent() {
        return sent;
    }

    /** Expects {@code count} answers to the publish about to be made at {@code publishedAtNanos}. */
    CountDownLatch expectDelivery(int count, long publishedAtNanos) {
        delivered = new CountDownLatch(count);
        publishedAt = publishedAtNanos;
        return delivered;
    }

    /** Publish-to-delivery durations of the clients answered, in nanoseconds. */
    long[] deliveryNanos() {
        return java.util.Arrays.stream(deliveredAt).filter(at -> at != 0).map(at -> at - publishedAt).toArray();
    }

    /** Starts re-polling on every connection from its last cursor; answers are counted from now. */
    void startThroughput(Iterable<PollConnection> connections) {
        client.execute(() -> {
            repoll = true;
            windowStart = System.nanoTime();
            counting = true;
            for (PollConnection connection : connections) {
                if (!connection.isClosed()) {
                    client.get(connection, endpoint.poll(cursors[index(connection)], waitSeconds));
                }
            }
        });
    }

    /** Ends the window and stops re-polling; returns the answers counted inside it and its length in nanos. */
    long[] stopThroughput() {
        counting = false;
        long end = System.nanoTime();
        repoll = false;
        return new long[] {windowAnswers.get(), end - windowStart};
    }

    /** From now on, closed connections are expected (the scenario is closing them). */
    void ending() {
        ending = true;
    }

    int failures() {
        return failures.get();
    }

    @Override
    public void onSent(PollConnection connection) {
        sent.release();
    }

    @Override
    public void onResponse(PollConnection connection, Response response) {
        int index = index(connection);
        if (response.status() != 200 && response.status() != 304) {
            failures.incrementAndGet();
        }
        if (response.etag() != null) {
            cursors[index] = response.etag();
        }
        if (repoll) {
            if (counting) {
                windowAnswers.incrementAndGet();
            }
            client.get(connection, endpoint.poll(cursors[index], waitSeconds));
            return;
        }
        if (publishedAt == 0) {
            failures.incrementAndGet(); // answered before anything was published: not a parked request
            return;
        }
        if (deliveredAt[index] == 0) {
            deliveredAt[index] = response.receivedNanos();
            delivered.countDown();
        }
    }

    @Override
    public void onClosed(PollConnection connection, String reason) {
        if (!ending) {
            failures.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "connection " + connection.id() + " closed: " + reason);
        }
    }

    private static int index(PollConnection connection) {
        return (Integer) connection.attachment;
    }
}
