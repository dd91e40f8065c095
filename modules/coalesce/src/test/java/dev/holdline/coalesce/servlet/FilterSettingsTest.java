package dev.holdline.coalesce.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FilterSettingsTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty(FilterSettings.WAIT_TIMEOUT);
    }

    private static FilterConfig config(Map<String, String> filterParams, Map<String, String> contextParams) {
        ServletContext context = (ServletContext) Proxy.newProxyInstance(FilterSettingsTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInitParameter" -> contextParams.get((String) args[0]);
                    case "getInitParameterNames" -> Collections.enumeration(contextParams.keySet());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return "coalesce";
            }

            @Override
            public ServletContext getServletContext() {
                return context;
            }

            @Override
            public String getInitParameter(String name) {
                return filterParams.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(filterParams.keySet());
            }
        };
    }

    @Test
    void defaults() {
        FilterSettings settings = FilterSettings.from(config(Map.of(), Map.of()));
        assertEquals(FilterSettings.defaults(), settings);
        assertTrue(settings.enabled());
        assertEquals(1024 * 1024, settings.bufferLimit());
        assertEquals(Duration.ofSeconds(10), settings.waitTimeout());
        assertFalse(settings.keyByCredential());
        assertEquals(List.of(), settings.keyHeaders());
    }

    @Test
    void systemPropertyWinsOverFilterInitParamWhichWinsOverContextParam() {
        Map<String, String> context = Map.of(FilterSettings.WAIT_TIMEOUT, "3s", FilterSettings.BUFFER_LIMIT, "100",
                FilterSettings.KEY_HEADERS, " X-Tenant , x-tenant,X-Region ");
        Map<String, String> filter = Map.of(FilterSettings.WAIT_TIMEOUT, " 2s ");
        assertEquals(Duration.ofSeconds(3), FilterSettings.from(config(Map.of(), context)).waitTimeout());
        FilterSettings settings = FilterSettings.from(config(filter, context));
        assertEquals(Duration.ofSeconds(2), settings.waitTimeout());
        assertEquals(100, settings.bufferLimit());
        assertEquals(List.of("x-tenant", "x-region"), settings.keyHeaders());
        System.setProperty(FilterSettings.WAIT_TIMEOUT, "500ms");
        assertEquals(Duration.ofMillis(500), FilterSettings.from(config(filter, context)).waitTimeout());
    }

    @Test
    void badValuesFailNamingTheKeyAndTheFilter() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> FilterSettings.from(config(Map.of(FilterSettings.WAIT_TIMEOUT, "0s"), Map.of())));
        assertTrue(zero.getMessage().contains(FilterSettings.WAIT_TIMEOUT) && zero.getMessage().contains("'coalesce'"), zero.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> FilterSettings.from(config(Map.of(), Map.of(FilterSettings.BUFFER_LIMIT, "-1"))));
        assertTrue(negative.getMessage().contains(FilterSettings.BUFFER_LIMIT), negative.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FilterSettings.from(config(Map.of(FilterSettings.KEY_BY_CREDENTIAL, "yes"), Map.of())));
        assertThrows(IllegalArgumentException.class,
                () -> FilterSettings.from(config(Map.of(FilterSettings.KEY_HEADERS, "X Tenant"), Map.of())));
    }
}
