package dev.holdline.perf.bench;

import dev.holdline.perf.client.ServerSnapshot;

/** The three ways of waiting the benchmark compares, each a path of the bench application. */
public enum Endpoint {
    /** Holdline's long-poll servlet (the {@code bench} stream topic). */
    HOLDLINE("/events/bench", "Holdline long poll") {
        @Override
        int held(ServerSnapshot stats) {
            return stats.holdlineParked();
        }
    },
    /** A bare {@code startAsync()} servlet: the container's own cost of a parked request. */
    BARE("/bare", "bare startAsync()") {
        @Override
        int held(ServerSnapshot stats) {
            return stats.bareParked();
        }
    },
    /** The bare servlet answering on the publisher's thread, without {@code AsyncContext.start}: the dispatch's cost. */
    BARE_DIRECT("/bare-direct", "bare startAsync(), written by publisher") {
        @Override
        int held(ServerSnapshot stats) {
            return stats.bareDirectParked();
        }
    },
    /** The thread-per-request baseline: each waiting request blocks a container thread. */
    BLOCKING("/blocking", "blocking thread-per-request") {
        @Override
        int held(ServerSnapshot stats) {
            return stats.blockingParked();
        }
    };

    private final String path;
    private final String label;

    Endpoint(String path, String label) {
        this.path = path;
        this.label = label;
    }

    /** The request target without a query. */
    String path() {
        return path;
    }

    /** For the report. */
    String label() {
        return label;
    }

    /** The requests this endpoint holds according to the server. */
    abstract int held(ServerSnapshot stats);

    /** The target of a poll from {@code cursor} waiting up to {@code waitSeconds}. */
    String poll(String cursor, int waitSeconds) {
        return path + "?cursor=" + cursor + "&wait=" + waitSeconds;
    }

    /** Parses a comma-separated list such as {@code holdline,bare,blocking}. */
    static java.util.List<Endpoint> parse(String names) {
        return java.util.Arrays.stream(names.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> valueOf(s.toUpperCase(java.util.Locale.ROOT))).toList();
    }
}
