package dev.holdline.arquillian.undertow.app.complete;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Annotated, but its WAR's web.xml is metadata-complete: it must not be registered. */
@WebServlet("/annotated")
public class IgnoredServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().write("should not be deployed");
    }
}
