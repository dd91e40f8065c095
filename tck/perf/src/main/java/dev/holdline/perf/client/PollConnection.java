package dev.holdline.perf.client;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection of a {@link NioHttpClient}. Its state is touched only on the client's selector
 * thread; {@link #id()} and {@link #attachment} are for the caller's bookkeeping.
 */
public final class PollConnection {

    private final int id;
    final SocketChannel channel;
    final ConnectionListener listener;
    final HttpResponseParser parser = new HttpResponseParser();
    SelectionKey key;
    ByteBuffer pending;
    boolean connected;
    boolean closed;

    /** Free for the caller; the client never reads it. */
    public volatile Object attachment;

    PollConnection(int id, SocketChannel channel, ConnectionListener listener) {
        this.id = id;
        this.channel = channel;
        this.listener = listener;
    }

    /** A number unique within its client, given in order of creation from 0. */
    public int id() {
        return id;
    }

    /** True once closed by either side. */
    public boolean isClosed() {
        return closed;
    }
}
