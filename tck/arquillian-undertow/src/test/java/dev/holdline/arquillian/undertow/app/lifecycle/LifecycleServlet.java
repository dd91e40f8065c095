package dev.holdline.arquillian.undertow.app.lifecycle;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Records its destruction. */
@WebServlet(value = "/hello", loadOnStartup = 1)
public class LifecycleServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().write("hello");
    }

    @Override
    public void destroy() {
        Events.record("servletDestroyed");
    }
}
