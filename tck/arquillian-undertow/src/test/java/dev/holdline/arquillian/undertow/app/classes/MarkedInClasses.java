package dev.holdline.arquillian.undertow.app.classes;

import dev.holdline.arquillian.undertow.app.lib.Marker;

/** A {@link Marker} in WEB-INF/classes, implementing a type from a library jar. */
public class MarkedInClasses implements Marker {
}
