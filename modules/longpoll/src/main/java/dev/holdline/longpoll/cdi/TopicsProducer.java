package dev.holdline.longpoll.cdi;

import dev.holdline.longpoll.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.servlet.ServletContext;

/**
 * Makes {@link Topics} injectable when CDI is present. Only a CDI container loads this class, so CDI
 * stays optional. The producer is {@link Dependent} so that the injected object is the application's
 * very instance (no client proxy), the one {@link Topics#of(ServletContext)} returns. The
 * {@link ServletContext} parameter is the built-in bean that Jakarta EE servers and Weld Servlet provide.
 */
@ApplicationScoped
public class TopicsProducer {

    /** The application's topics. */
    @Produces
    @Dependent
    public Topics topics(ServletContext context) {
        return Topics.of(context);
    }
}
