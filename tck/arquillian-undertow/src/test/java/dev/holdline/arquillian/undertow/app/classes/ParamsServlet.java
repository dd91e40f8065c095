package dev.holdline.arquillian.undertow.app.classes;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Declared in web.xml: echoes an init-param, a context-param, whether it was loaded on startup and the session timeout. */
public class ParamsServlet extends HttpServlet {

    private static volatile boolean initialisedAtStartup;

    @Override
    public void init() {
        initialisedAtStartup = true;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().write("init=" + getInitParameter("mode")
                + " context=" + getServletContext().getInitParameter("environment")
                + " loadedOnStartup=" + initialisedAtStartup
                + " sessionSeconds=" + req.getSession().getMaxInactiveInterval());
    }
}
