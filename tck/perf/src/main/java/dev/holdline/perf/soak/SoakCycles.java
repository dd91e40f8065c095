package dev.holdline.perf.soak;

import dev.holdline.perf.client.ConnectionListener;
import dev.holdline.perf.client.NioHttpClient;
import dev.holdline.perf.client.PollConnection;
import dev.holdline.perf.client.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs an exact number of poll cycles on a {@link NioHttpClient} with a fixed number of clients. A share of
 * the cycles are "quitters": the client resets its connection (RST) 5 to 50 ms after sending, while the
 * request is parked, and continues on a new connection. A quitter answered before its reset is not counted
 * and the client quits again in a later cycle, so that exactly {@code abortShare} of the cycles end by a
 * reset. The others end with an answer (a publish, or 304 at the end of the wait) and continue on the same
 * connection from the cursor received. All state lives on the client's selector thread.
 */
final class SoakCycles implements ConnectionListener {

    private static final System.Logger LOG = System.getLogger(SoakCycles.class.getName());

    private final NioHttpClient client;
    private final InetSocketAddress address;
    private final int waitSeconds;
    private final int quittersWanted;
    private final int answersWanted;
    private final Random random = new Random(42);
    private final CountDownLatch done = new CountDownLatch(1);
    private String latestCursor;
    private int answered;
    private int aborted;
    private int failures;
    private int answersInFlight;
    private int quittersInFlight;
    private long cycleIds;

    /** The state of one client connection, kept in {@link PollConnection#attachment}. */
    private static final class Cycle {
        long id;
        boolean quitter;
        boolean inFlight;
        String cursor;
    }

    SoakCycles(NioHttpClient client, InetSocketAddress address, String cursor, int cycles, double abortShare, int waitSeconds) {
        this.client = client;
        this.address = address;
        this.latestCursor = cursor;
        this.waitSeconds = waitSeconds;
        this.quittersWanted = (int) Math.round(cycles * abortShare);
        this.answersWanted = cycles - quittersWanted;
    }

    /** Starts {@code concurrency} clients; then wait with {@link #await}. */
    void start(int concurrency) {
        client.execute(() -> {
            for (int i = 0; i < concurrency; i++) {
                openAndStart();
            }
            finishIfDone();
        });
    }

    /** Waits until every cycle ended; false when the timeout passed first. */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    int answered() {
        return answered;
    }

    int aborted() {
        return aborted;
    }

    int failures() {
        return failures;
    }

    String latestCursor() {
        return latestCursor;
    }

    private void openAndStart() {
        try {
            PollConnection connection = client.connect(address, this);
            connection.attachment = new Cycle();
            next(connection);
        } catch (IOException e) {
            failure("cannot connect: " + e);
        }
    }

    /** Starts the next cycle on this connection, or closes it when no more cycles are needed. */
    private void next(PollConnection connection) {
        Cycle cycle = (Cycle) connection.attachment;
        boolean quitterNeeded = aborted + quittersInFlight < quittersWanted;
        boolean answerNeeded = answered + answersInFlight < answersWanted;
        if (!quitterNeeded && !answerNeeded) {
            client.abort(connection); // idle keep-alive connection: nothing parked on it
            finishIfDone();
            return;
        }
        cycle.quitter = quitterNeeded && (!answerNeeded || random.nextDouble() < (double) quittersWanted / (quittersWanted + answersWanted));
        cycle.id = ++cycleIds;
        cycle.inFlight = true;
        if (cycle.cursor == null) {
            cycle.cursor = latestCursor;
        }
        if (cycle.quitter) {
            quittersInFlight++;
            long id = cycle.id;
            client.schedule(TimeUnit.MILLISECONDS.toNanos(5 + random.nextInt(46)), () -> quit(connection, id));
        } else {
            answersInFlight++;
        }
        client.get(connection, "/events/bench?cursor=" + cycle.cursor + "&wait=" + waitSeconds);
    }

    private void quit(PollConnection connection, long id) {
        Cycle cycle = (Cycle) connection.attachment;
        if (cycle.id != id || !cycle.inFlight || connection.isClosed()) {
            return; // answered before the reset: that quitter cycle will be redone
        }
        cycle.inFlight = false;
        quittersInFlight--;
        aborted++;
        client.abort(connection);
        openAndStart();
    }

    @Override
    public void onResponse(PollConnection connection, Response response) {
        Cycle cycle = (Cycle) connection.attachment;
        if (!cycle.inFlight) {
            failure("an answer to no cycle: " + response.status());
            return;
        }
        cycle.inFlight = false;
        if (response.status() == 200 || response.status() == 304) {
            cycle.cursor = response.etag();
            if (response.status() == 200) {
                latestCursor = response.etag();
            }
        } else {
            failure("answer " + response.status() + " to " + (cycle.quitter ? "a quitter" : "a poll"));
            cycle.cursor = null;
        }
        if (cycle.quitter) {
            quittersInFlight--;
        } else {
            answersInFlight--;
            answered++;
        }
        next(connection);
    }

    @Override
    public void onClosed(PollConnection connection, String reason) {
        Cycle cycle = (Cycle) connection.attachment;
        if ("aborted".equals(reason)) {
            return;
        }
        failure("connection lost: " + reason);
        if (cycle.inFlight) {
            cycle.inFlight = false;
            if (cycle.quitter) {
                quittersInFlight--;
            } else {
                answersInFlight--;
                answered++; // counted, so that the soak ends; the failure is recorded
            }
            openAndStart();
        }
    }

    private void failure(String what) {
        failures++;
        if (failures <= 20) {
            LOG.log(System.Logger.Level.WARNING, "soak failure: " + what);
        }
    }

    private void finishIfDone() {
        if (answered >= answersWanted && aborted >= quittersWanted && answersInFlight == 0 && quittersInFlight == 0) {
            done.countDown();
        }
    }
}
