package dev.holdline.arquillian.undertow.app.cdi;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Servlet whose field is injected by the Weld bundled in the WAR. */
@WebServlet("/greet")
public class GreetingServlet extends HttpServlet {

    @Inject
    Greeter greeter;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().write(greeter == null ? "not injected" : greeter.greet(req.getParameter("name")));
    }
}
