package dev.holdline.arquillian.undertow.app.lib;

/** Type named by {@link MarkerInitializer}'s {@code @HandlesTypes}; implemented in the library and in WEB-INF/classes. */
public interface Marker {
}
