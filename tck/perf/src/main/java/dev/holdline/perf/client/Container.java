package dev.holdline.perf.client;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The containers a bench server can run in, each with the main class of its bench server (named, not loaded). */
public enum Container {
    /** Embedded Undertow (io.undertow:undertow-servlet). */
    UNDERTOW("dev.holdline.perf.server.UndertowBenchServer"),
    /** Embedded Tomcat (org.apache.tomcat.embed:tomcat-embed-core). */
    TOMCAT("dev.holdline.perf.server.TomcatBenchServer"),
    /**
     * Payara Micro ({@code java -jar payara-micro.jar}) with the bench application as an exploded WAR; one HTTP
     * listener, so the control endpoints share the measured pool. Profile {@code perf} only.
     */
    PAYARA(null);

    private final String mainClass;

    Container(String mainClass) {
        this.mainClass = mainClass;
    }

    /** The bench server's main class, started in its own JVM; null for Payara Micro, started from its jar. */
    public String mainClass() {
        return mainClass;
    }

    /** True when {@code /stats} and {@code /publish} have their own port and threads (not on Payara Micro). */
    public boolean hasSeparateControlPort() {
        return this != PAYARA;
    }

    /** Parses a comma-separated list such as {@code undertow,tomcat}. */
    public static List<Container> parse(String names) {
        return Arrays.stream(names.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> valueOf(s.toUpperCase(Locale.ROOT))).toList();
    }
}
