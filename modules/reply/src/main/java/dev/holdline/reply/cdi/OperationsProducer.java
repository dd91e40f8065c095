package dev.holdline.reply.cdi;

import dev.holdline.reply.Operations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.servlet.ServletContext;

/**
 * Makes {@link Operations} injectable when CDI is present. Only a CDI container loads this class, so
 * CDI stays optional. {@link Dependent}, so that the injected object is the application's very
 * instance (no client proxy), the one {@link Operations#of(ServletContext)} returns.
 */
@ApplicationScoped
public class OperationsProducer {

    /**
     * @param context the application's servlet context (a built-in bean of Jakarta EE servers and Weld Servlet)
     * @return the application's operations
     */
    @Produces
    @Dependent
    public Operations operations(ServletContext context) {
        return Operations.of(context);
    }
}
