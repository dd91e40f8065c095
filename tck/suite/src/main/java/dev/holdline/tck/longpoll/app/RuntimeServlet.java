package dev.holdline.tck.longpoll.app;

import dev.holdline.longpoll.LongPollRuntime;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Deployed: what {@code LongPollRuntime.of(ServletContext)} reports, and its shutdown switch.
 * <ul>
 * <li>{@code GET /lp-app/runtime/parked[?topic=]}: {@code parked()} or {@code parked(topic)};</li>
 * <li>{@code GET /lp-app/runtime/jmx}: one line {@code <object name>=<Parked>} per platform MBean
 *     with an attribute {@code Parked};</li>
 * <li>{@code POST /lp-app/runtime/shutdown}: {@code beginShutdown()}, then {@code 204}.</li>
 * </ul>
 */
@WebServlet("/lp-app/runtime/*")
public class RuntimeServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LongPollRuntime runtime = LongPollRuntime.of(getServletContext());
        String what = String.valueOf(request.getPathInfo());
        if (what.equals("/parked")) {
            String topic = request.getParameter("topic");
            Text.write(response, 200, Integer.toString(topic == null ? runtime.parked() : runtime.parked(topic)));
        } else if (what.equals("/jmx")) {
            Text.write(response, 200, String.join("\n", parkedAttributes()));
        } else {
            Text.write(response, 404, "unknown " + what);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/shutdown".equals(request.getPathInfo())) {
            LongPollRuntime.of(getServletContext()).beginShutdown();
            response.setStatus(204);
        } else {
            Text.write(response, 404, "unknown " + request.getPathInfo());
        }
    }

    private static List<String> parkedAttributes() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> lines = new ArrayList<>();
        for (ObjectName name : server.queryNames(null, null)) {
            try {
                for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                    if (attribute.getName().equals("Parked")) {
                        lines.add(name + "=" + server.getAttribute(name, "Parked"));
                    }
                }
            } catch (Exception | LinkageError unreadable) {
                // MBeans of other applications or the server may refuse introspection: not ours.
            }
        }
        return lines;
    }
}
