package dev.holdline.arquillian.undertow.app.classes;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Declared in web.xml with async-supported (behind an async-supported filter): GET parks the request,
 * GET ?count reports how many are parked, POST completes every parked request from the POST's thread.
 */
public class ParkingServlet extends HttpServlet {

    private final Queue<AsyncContext> parked = new ConcurrentLinkedQueue<>();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getParameter("count") != null) {
            resp.getWriter().write(Integer.toString(parked.size()));
            return;
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(60_000);
        parked.add(async);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int released = 0;
        for (AsyncContext async; (async = parked.poll()) != null; released++) {
            async.getResponse().getWriter().write("released");
            async.complete();
        }
        resp.getWriter().write(Integer.toString(released));
    }
}
