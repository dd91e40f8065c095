package dev.holdline.perf.client;

/**
 * One complete HTTP response as the driver sees it.
 *
 * @param status        the status code
 * @param etag          the entity tag without quotes, or null (the next cursor for every bench endpoint)
 * @param closing       the server said {@code Connection: close}
 * @param bodyLength    bytes of body (after de-chunking framing)
 * @param receivedNanos {@link System#nanoTime()} when its last byte was read
 */
public record Response(int status, String etag, boolean closing, int bodyLength, long receivedNanos) {
}
