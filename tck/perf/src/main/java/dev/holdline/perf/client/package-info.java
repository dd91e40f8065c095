/**
 * What the driver needs to talk to a bench server: a one-thread NIO HTTP/1.1 client for thousands of
 * connections, a small blocking client for {@code /stats} and {@code /publish}, and the server JVM's launch
 * and guaranteed end.
 */
package dev.holdline.perf.client;
