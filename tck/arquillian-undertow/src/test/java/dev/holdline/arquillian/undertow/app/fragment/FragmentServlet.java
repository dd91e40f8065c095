package dev.holdline.arquillian.undertow.app.fragment;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Servlet declared only in its jar's META-INF/web-fragment.xml. */
public class FragmentServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().write("fragment " + getInitParameter("greeting") + " "
                + getServletContext().getInitParameter("fromFragment"));
    }
}
