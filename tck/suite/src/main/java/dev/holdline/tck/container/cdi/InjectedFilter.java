package dev.holdline.tck.container.cdi;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Deployed: a filter that sets a header from an injected bean. */
@WebFilter("/servlet")
public class InjectedFilter extends HttpFilter {

    @Inject
    private GreetingService greetings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Greeting", greetings.greet("filter"));
        chain.doFilter(request, response);
    }
}
