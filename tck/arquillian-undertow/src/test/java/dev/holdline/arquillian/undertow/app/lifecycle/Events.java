package dev.holdline.arquillian.undertow.app.lifecycle;

/**
 * Records lifecycle callbacks in a JVM-wide system property: the WAR's classes live in their own class loader,
 * so static fields would not be visible to the test.
 */
public final class Events {

    public static final String PROPERTY = "holdline.it.lifecycle.events";

    private Events() {
    }

    public static void record(String event) {
        System.getProperties().merge(PROPERTY, event, (a, b) -> a + "," + b);
    }
}
