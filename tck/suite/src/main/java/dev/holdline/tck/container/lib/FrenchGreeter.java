package dev.holdline.tck.container.lib;

import dev.holdline.tck.container.lib.fixture.Greeter;

/** Deployed in WEB-INF/classes: a second application class of the handled type. */
public class FrenchGreeter implements Greeter {

    @Override
    public String greeting() {
        return "bonjour";
    }
}
