package dev.holdline.http;

/** Where a configuration value came from, named in error messages so that a bad value can be found. */
public enum ConfigSource {
    /** A JVM system property with the same key; it overrides everything else. */
    SYSTEM_PROPERTY("system property"),
    /** A servlet context init-param ({@code <context-param>} in web.xml, or set programmatically). */
    INIT_PARAMETER("servlet context init-param"),
    /** The documented default of the setting. */
    DEFAULT("default");

    private final String description;

    ConfigSource(String description) {
        this.description = description;
    }

    /** A human-readable name, such as "system property". */
    public String description() {
        return description;
    }
}
