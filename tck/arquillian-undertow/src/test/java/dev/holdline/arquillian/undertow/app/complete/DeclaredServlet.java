package dev.holdline.arquillian.undertow.app.complete;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The only servlet of the metadata-complete WAR, declared in its web.xml. */
public class DeclaredServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().write("declared");
    }
}
