package dev.holdline.arquillian.undertow.app.classes;

import dev.holdline.arquillian.undertow.app.lib.Tagged;

/** Carries the {@link Tagged} annotation handled by the library's initializer. */
@Tagged
public class TaggedInClasses {
}
