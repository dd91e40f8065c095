package dev.holdline.tck.container.cdi;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Deployed: a servlet whose body comes from an injected bean. */
@WebServlet("/servlet")
public class InjectedServlet extends HttpServlet {

    @Inject
    private GreetingService greetings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write(greetings.greet("servlet"));
    }
}
