package dev.holdline.perf.client;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The containers a bench server can run in, with the main class of each and the version measured. */
public enum Container {
    /** Embedded Undertow (io.undertow:undertow-servlet). */
    UNDERTOW("dev.holdline.perf.server.UndertowBenchServer", "Undertow", "io.undertow.Undertow"),
    /** Embedded Tomcat (org.apache.tomcat.embed:tomcat-embed-core). */
    TOMCAT("dev.holdline.perf.server.TomcatBenchServer", "Tomcat", "org.apache.catalina.startup.Tomcat");

    private final String mainClass;
    private final String label;
    private final String versionClass;

    Container(String mainClass, String label, String versionClass) {
        this.mainClass = mainClass;
        this.label = label;
        this.versionClass = versionClass;
    }

    /** The bench server's main class, started in its own JVM. */
    public String mainClass() {
        return mainClass;
    }

    /** Name and version (from the jar's manifest, when the driver can see it). */
    public String label() {
        try {
            Package found = Class.forName(versionClass, false, Container.class.getClassLoader()).getPackage();
            String version = found == null ? null : found.getImplementationVersion();
            return version == null ? label : label + " " + version;
        } catch (ClassNotFoundException | LinkageError e) {
            return label;
        }
    }

    /** Parses a comma-separated list such as {@code undertow,tomcat}. */
    public static List<Container> parse(String names) {
        return Arrays.stream(names.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> valueOf(s.toUpperCase(Locale.ROOT))).toList();
    }
}
