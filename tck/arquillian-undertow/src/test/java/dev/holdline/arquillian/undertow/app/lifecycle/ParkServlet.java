package dev.holdline.arquillian.undertow.app.lifecycle;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Parks requests with the timeout given as a parameter and never completes them itself. */
@WebServlet(value = "/park", asyncSupported = true)
public class ParkServlet extends HttpServlet {

    private final AtomicInteger parked = new AtomicInteger();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getParameter("count") != null) {
            resp.getWriter().write(Integer.toString(parked.get()));
            return;
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(Long.parseLong(req.getParameter("timeout")));
        parked.incrementAndGet();
    }
}
