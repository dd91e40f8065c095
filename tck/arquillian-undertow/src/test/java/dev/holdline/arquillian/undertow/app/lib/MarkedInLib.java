package dev.holdline.arquillian.undertow.app.lib;

/** A {@link Marker} inside the library jar itself. */
public class MarkedInLib implements Marker {
}
