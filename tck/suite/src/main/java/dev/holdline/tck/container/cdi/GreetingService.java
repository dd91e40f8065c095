package dev.holdline.tck.container.cdi;

import jakarta.enterprise.context.ApplicationScoped;

/** Deployed: a CDI bean with an intercepted business method. */
@ApplicationScoped
public class GreetingService {

    @Bracketed
    public String greet(String who) {
        return "hello " + who;
    }
}
