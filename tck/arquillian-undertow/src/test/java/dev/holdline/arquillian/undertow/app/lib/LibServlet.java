package dev.holdline.arquillian.undertow.app.lib;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Annotated servlet inside a library jar; also shows what {@link LibListener} stored. */
@WebServlet("/lib")
public class LibServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().write("lib servlet, listener " + getServletContext().getAttribute("libListener"));
    }
}
