package dev.holdline.tck.container.lib;

import dev.holdline.tck.container.lib.fixture.Greeter;

/** Deployed in WEB-INF/classes: an application class of the handled type. */
public class EnglishGreeter implements Greeter {

    @Override
    public String greeting() {
        return "hello";
    }
}
