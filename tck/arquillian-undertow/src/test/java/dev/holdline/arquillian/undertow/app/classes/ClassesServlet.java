package dev.holdline.arquillian.undertow.app.classes;

import java.io.IOException;

import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Annotated servlet in WEB-INF/classes; reports which class loader loaded it. */
@WebServlet(urlPatterns = "/classes", initParams = @WebInitParam(name = "who", value = "classes"))
public class ClassesServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().write(getInitParameter("who") + " servlet, loader "
                + getClass().getClassLoader().getClass().getSimpleName());
    }
}
