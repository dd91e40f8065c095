package dev.holdline.perf.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw HTTP/1.1 client for many concurrent connections on one selector thread: non-blocking connects,
 * one request at a time per connection (keep-alive), responses parsed as they arrive. Every operation
 * may be called from any thread; it runs on the selector thread (at once when called there), as do all {@link ConnectionListener}
 * callbacks and {@link #schedule scheduled} tasks. Used for 127.0.0.1 only.
 */
public final class NioHttpClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(NioHttpClient.class.getName());

    private final Selector selector;
    private final Thread loop;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final Set<PollConnection> connections = new HashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicLong timerSequence = new AtomicLong();
    private volatile boolean running = true;

    /** Opens the selector and starts its (daemon) thread. */
    public NioHttpClient(String name) throws IOException {
        this.selector = Selector.open();
        this.loop = new Thread(this::run, name);
        loop.setDaemon(true);
        loop.start();
    }

    /** Connects (asynchronously) to {@code address}; the listener hears about this connection. */
    public PollConnection connect(InetSocketAddress address, ConnectionListener listener) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        PollConnection connection = new PollConnection(ids.getAndIncrement(), channel, listener);
        execute(() -> {
            try {
                connections.add(connection);
                connection.connected = channel.connect(address);
                connection.key = channel.register(selector, connection.connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, connection);
                flush(connection);
            } catch (IOException e) {
                closeQuietly(connection, "connect failed: " + e.getMessage(), false);
            }
        });
        return connection;
    }

    /** Sends {@code GET target} with a {@code Host} header; the response goes to the connection's listener. */
    public void get(PollConnection connection, String target) {
        String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n";
        ByteBuffer bytes = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
        execute(() -> {
            if (connection.closed) {
                return;
            }
            connection.pending = bytes;
            flush(connection);
        });
    }

    /** Closes abruptly: {@code SO_LINGER} 0, so the server gets a reset (RST) rather than a FIN. */
    public void abort(PollConnection connection) {
        execute(() -> closeQuietly(connection, "aborted", true));
    }

    /** Aborts every connection still open, and waits (up to 30 s) until it is done. */
    public void abortAll() throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        execute(() -> {
            for (PollConnection connection : new ArrayList<>(connections)) {
                closeQuietly(connection, "aborted", true);
            }
            done.countDown();
        });
        done.await(30, TimeUnit.SECONDS);
    }

    /** Runs {@code task} on the selector thread after {@code delayNanos}. */
    public void schedule(long delayNanos, Runnable task) {
        long due = System.nanoTime() + delayNanos;
        long sequence = timerSequence.getAndIncrement();
        execute(() -> timers.add(new Timer(due, sequence, task)));
    }

    /** Runs {@code task} on the selector thread: at once when called on it, so that an abort takes effect before the next read. */
    public void execute(Runnable task) {
        if (Thread.currentThread() == loop) {
            runSafely(task);
            return;
        }
        tasks.add(task);
        selector.wakeup();
    }

    /** Connections open now (approximate when read from another thread). */
    public int openConnections() {
        return connections.size();
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    runSafely(task);
                }
                long now = System.nanoTime();
                while (!timers.isEmpty() && timers.peek().due - now <= 0) {
                    runSafely(timers.poll().task);
                }
                long timeoutMillis = timers.isEmpty() ? 100 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(timers.peek().due - now));
                selector.select(Math.min(timeoutMillis, 100));
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "NIO client loop failed: " + e);
        } finally {
            for (PollConnection connection : new ArrayList<>(connections)) {
                closeQuietly(connection, "client closed", true);
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // ending anyway
            }
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "NIO client task failed: " + e, e);
        }
    }

    private void handle(SelectionKey key) {
        PollConnection connection = (PollConnection) key.attachment();
        if (!key.isValid() || connection.closed) {
            return;
        }
        try {
            if (key.isConnectable()) {
                if (connection.channel.finishConnect()) {
                    connection.connected = true;
                    key.interestOps(SelectionKey.OP_READ);
                    flush(connection);
                }
                return;
            }
            if (key.isWritable()) {
                flush(connection);
            }
            if (key.isReadable()) {
                read(connection);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(connection, e.toString(), false);
        }
    }

    private void read(PollConnection connection) throws IOException {
        while (true) {
            readBuffer.clear();
            int read = connection.channel.read(readBuffer);
            if (read < 0) {
                closeQuietly(connection, connection.parser.isPartial() ? "closed mid-response" : "closed by server", false);
                return;
            }
            if (read == 0) {
                return;
            }
            readBuffer.flip();
            Response response = connection.parser.feed(readBuffer, System.nanoTime());
            if (response != null) {
                connection.listener.onResponse(connection, response);
                if (response.closing()) {
                    closeQuietly(connection, "Connection: close", false);
                    return;
                }
            }
        }
    }

    private void flush(PollConnection connection) {
        if (!connection.connected || connection.pending == null || connection.closed) {
            return;
        }
        try {
            connection.channel.write(connection.pending);
            if (connection.pending.hasRemaining()) {
                connection.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            connection.pending = null;
            connection.key.interestOps(SelectionKey.OP_READ);
            connection.listener.onSent(connection);
        } catch (IOException e) {
            closeQuietly(connection, "write failed: " + e.getMessage(), false);
        }
    }

    private void closeQuietly(PollConnection connection, String reason, boolean reset) {
        if (connection.closed) {
            return;
        }
        connection.closed = true;
        connections.remove(connection);
        try {
            if (reset) {
                connection.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
            connection.channel.close();
        } catch (IOException ignored) {
            // closed anyway
        }
        connection.listener.onClosed(connection, reason);
    }

    private record Timer(long due, long sequence, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byDue = Long.compare(due - other.due, 0);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }
}
