package dev.holdline.perf.client;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The containers a bench server can run in, each with the main class of its bench server (named, not loaded). */
public enum Container {
    /** Embedded Undertow (io.undertow:undertow-servlet). */
    UNDERTOW("dev.holdline.perf.server.UndertowBenchServer"),
    /** Embedded Tomcat (org.apache.tomcat.embed:tomcat-embed-core). */
    TOMCAT("dev.holdline.perf.server.TomcatBenchServer");

    private final String mainClass;

    Container(String mainClass) {
        this.mainClass = mainClass;
    }

    /** The bench server's main class, started in its own JVM. */
    public String mainClass() {
        return mainClass;
    }

    /** Parses a comma-separated list such as {@code undertow,tomcat}. */
    public static List<Container> parse(String names) {
        return Arrays.stream(names.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> valueOf(s.toUpperCase(Locale.ROOT))).toList();
    }
}
