package dev.holdline.perf.client;

/** Callbacks of one {@link PollConnection}, all on the client's selector thread; keep them short. */
public interface ConnectionListener {

    /** The request was written completely. */
    default void onSent(PollConnection connection) {
    }

    /** A complete response arrived. */
    void onResponse(PollConnection connection, Response response);

    /** The connection ended: by the server, by an error, or by {@link NioHttpClient#abort}. */
    default void onClosed(PollConnection connection, String reason) {
    }
}
