package dev.holdline.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.guard.concurrency.ConcurrencyLimitFilter;
import dev.holdline.guard.deadline.DeadlineFilter;
import dev.holdline.http.HoldlineFilterConfig;
import dev.holdline.testing.EmbeddedUndertow;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Filter settings: init-param over context-param over default, and a bad value fails init naming the key. */
class GuardFilterSettingsTest {

    private static EmbeddedUndertow server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedUndertow.start(EmbeddedUndertow.deployment(Map.of("holdline.guard.concurrency.max", "7",
                "holdline.guard.concurrency.queue", "3")));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** The filter's own init-params on the real servlet context. */
    private static FilterConfig config(Map<String, String> params) {
        ServletContext context = server.servletContext();
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return "under-test";
            }

            @Override
            public ServletContext getServletContext() {
                return context;
            }

            @Override
            public String getInitParameter(String name) {
                return params.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(params.keySet());
            }
        };
    }

    @Test
    void anInitParamWinsOverAContextParamWhichWinsOverTheDefault() {
        HoldlineFilterConfig config = new HoldlineFilterConfig(config(Map.of("holdline.guard.concurrency.max", "2")));
        assertEquals(2, config.getInt("holdline.guard.concurrency.max", 50, 1, 100));
        assertEquals(3, config.getInt("holdline.guard.concurrency.queue", 0, 0, 100));
        assertEquals(Duration.ofSeconds(1), config.getDuration("holdline.guard.concurrency.max-wait", Duration.ofSeconds(1),
                Duration.ZERO, Duration.ofHours(1)));
    }

    @Test
    void aBadValueFailsTheFiltersInitNamingTheKey() {
        for (Map.Entry<Filter, Map<String, String>> bad : Map.<Filter, Map<String, String>>of(
                new ConcurrencyLimitFilter(), Map.of("holdline.guard.concurrency.max", "0"),
                new DeadlineFilter(), Map.of("holdline.guard.deadline.budget", "soon")).entrySet()) {
            ServletException failed = assertThrows(ServletException.class, () -> bad.getKey().init(config(bad.getValue())));
            String key = bad.getValue().keySet().iterator().next();
            assertTrue(failed.getMessage().contains(key) && failed.getMessage().contains("under-test"), failed.getMessage());
        }
    }
}
