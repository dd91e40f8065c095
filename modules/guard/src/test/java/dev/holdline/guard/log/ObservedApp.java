package dev.holdline.guard.log;

import dev.holdline.guard.GuardResponses;
import dev.holdline.guard.trace.TestRejection;
import dev.holdline.guard.trace.TracingFilter;
import dev.holdline.http.HoldlineConfig;
import dev.holdline.http.ProblemTypes;
import dev.holdline.testing.EmbeddedUndertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.FilterInfo;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * A real Undertow with {@link AccessLogFilter} (outer) and {@link TracingFilter} (inner) mapped to
 * {@code /*}, as docs/guard.md orders them, before a servlet at {@code /app/<behaviour>}: {@code ok},
 * {@code reject} (a 429 rate-limited rejection through {@link GuardResponses}), {@code boom} (throws),
 * {@code async} (answers 202 from another thread after {@code startAsync}).
 */
final class ObservedApp {

    private ObservedApp() {
    }

    static EmbeddedUndertow start(Map<String, String> accessLogParams) throws Exception {
        DeploymentInfo deployment = EmbeddedUndertow.deployment();
        deployment.addServlet(Servlets.servlet("app", AppServlet.class).addMapping("/app/*").setAsyncSupported(true));
        FilterInfo access = Servlets.filter("access", AccessLogFilter.class).setAsyncSupported(true);
        accessLogParams.forEach(access::addInitParam);
        deployment.addFilter(access);
        deployment.addFilter(Servlets.filter("tracing", TracingFilter.class).setAsyncSupported(true));
        deployment.addFilterUrlMapping("access", "/*", DispatcherType.REQUEST);
        deployment.addFilterUrlMapping("tracing", "/*", DispatcherType.REQUEST);
        return EmbeddedUndertow.start(deployment);
    }

    /** The behaviours, by the path segment after {@code /app/}. */
    public static final class AppServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
            String path = request.getPathInfo() == null ? "" : request.getPathInfo();
            if (path.startsWith("/reject")) {
                GuardResponses.write(request, response, TestRejection.rateLimited(),
                        ProblemTypes.fromConfig(HoldlineConfig.systemPropertiesOnly()));
            } else if (path.startsWith("/boom")) {
                throw new IllegalStateException("boom");
            } else if (path.startsWith("/async")) {
                AsyncContext async = request.startAsync();
                async.start(() -> {
                    ((HttpServletResponse) async.getResponse()).setStatus(202);
                    async.complete();
                });
            } else {
                response.setContentType("text/plain");
                response.getWriter().write("ok");
            }
        }
    }
}
