package dev.holdline.perf.server;

import java.time.Duration;

/**
 * Command line of a bench server: {@code [port [controlPort [requestThreads [maxLifetimeSeconds]]]]}; port 0
 * (the default) picks a free one. The server prints {@code HOLDLINE-BENCH-PORTS <port> <controlPort>} once it
 * accepts requests.
 */
record ServerArguments(int port, int controlPort, int requestThreads, Duration maxLifetime) {

    /** The line prefix the driver waits for. */
    static final String READY = "HOLDLINE-BENCH-PORTS";

    static ServerArguments parse(String[] args) {
        return new ServerArguments(
                args.length > 0 ? Integer.parseInt(args[0]) : 0,
                args.length > 1 ? Integer.parseInt(args[1]) : 0,
                args.length > 2 ? Integer.parseInt(args[2]) : 200,
                Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 1800));
    }

    static void announce(int port, int controlPort) {
        System.out.println(READY + " " + port + " " + controlPort);
        System.out.flush();
    }
}
