package dev.holdline.arquillian.undertow.app.cdi;

import jakarta.enterprise.context.ApplicationScoped;

/** CDI bean injected into a servlet and into the in-container test. */
@ApplicationScoped
public class Greeter {

    public String greet(String name) {
        return "Hello, " + name;
    }
}
