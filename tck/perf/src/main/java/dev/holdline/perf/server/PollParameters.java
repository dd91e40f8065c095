package dev.holdline.perf.server;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The query of a bare or blocking poll: {@code ?cursor=<generation>&wait=<seconds>}, both optional
 * (no cursor: answer the current generation at once, like Holdline does without a cursor).
 */
record PollParameters(long cursor, long waitMillis) {

    static final long NO_CURSOR = -1;

    static PollParameters of(HttpServletRequest request) {
        String cursor = request.getParameter("cursor");
        String wait = request.getParameter("wait");
        return new PollParameters(cursor == null ? NO_CURSOR : Long.parseLong(cursor),
                wait == null ? 30_000 : Long.parseLong(wait) * 1000);
    }

    boolean hasCursor() {
        return cursor != NO_CURSOR;
    }
}
