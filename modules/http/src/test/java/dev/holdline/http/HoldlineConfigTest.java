package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.testing.EmbeddedUndertow;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lookup against a real Undertow {@link ServletContext} whose init-params come from the
 * deployment, and against system properties. Every test uses its own keys, and clears the system
 * properties it set.
 */
class HoldlineConfigTest {

    private static EmbeddedUndertow undertow;
    private static HoldlineConfig config;

    @BeforeAll
    static void deploy() throws Exception {
        undertow = EmbeddedUndertow.start(EmbeddedUndertow.deployment()
                .addInitParameter("holdline.test.from-init-param", "init")
                .addInitParameter("holdline.test.overridden", "init")
                .addInitParameter("holdline.test.padded", "  42 \n")
                .addInitParameter("holdline.test.count", "12")
                .addInitParameter("holdline.test.bad-count", "twelve")
                .addInitParameter("holdline.test.big-count", "1001")
                .addInitParameter("holdline.test.enabled", "false")
                .addInitParameter("holdline.test.bad-enabled", "yes")
                .addInitParameter("holdline.test.wait", "500ms")
                .addInitParameter("holdline.test.bad-wait", "1.5s")
                .addInitParameter(ProblemTypes.BASE_KEY, "https://errors.example.com/api/problems/"));
        config = HoldlineConfig.of(undertow.servletContext());
    }

    @AfterAll
    static void undeploy() throws Exception {
        undertow.close();
    }

    @AfterEach
    void clearSystemProperties() {
        System.getProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith("holdline.test.") || key.equals(ProblemTypes.BASE_KEY))
                .forEach(System::clearProperty);
    }

    @Test
    void readsInitParams() {
        assertEquals(Optional.of(new ConfigValue("holdline.test.from-init-param", "init", ConfigSource.INIT_PARAMETER)),
                config.lookup("holdline.test.from-init-param"));
        assertEquals("init", config.getString("holdline.test.from-init-param", "default"));
    }

    @Test
    void aSystemPropertyOverridesTheInitParam() {
        System.setProperty("holdline.test.overridden", "property");
        assertEquals(Optional.of(new ConfigValue("holdline.test.overridden", "property", ConfigSource.SYSTEM_PROPERTY)),
                config.lookup("holdline.test.overridden"));
        assertEquals("property", config.getString("holdline.test.overridden", "default"));
    }

    @Test
    void fallsBackToTheDefault() {
        assertEquals(Optional.empty(), config.lookup("holdline.test.unset"));
        assertEquals("default", config.getString("holdline.test.unset", "default"));
        assertEquals(7, config.getInt("holdline.test.unset", 7, 0, 10));
        assertTrue(config.getBoolean("holdline.test.unset", true));
        assertEquals(Duration.ofSeconds(30), config.getDuration("holdline.test.unset", Duration.ofSeconds(30)));
    }

    @Test
    void worksWithoutAServletContext() {
        System.setProperty("holdline.test.standalone", "value");
        assertEquals("value", HoldlineConfig.of(null).getString("holdline.test.standalone", "default"));
        assertEquals("value", HoldlineConfig.systemPropertiesOnly().getString("holdline.test.standalone", "default"));
        assertEquals("default", HoldlineConfig.systemPropertiesOnly().getString("holdline.test.from-init-param", "default"));
    }

    @Test
    void typedGettersReadInitParamsTrimmed() {
        assertEquals(42, config.getInt("holdline.test.padded", 0, 0, 100));
        assertEquals("42", config.getString("holdline.test.padded", ""));
        assertEquals(12, config.getInt("holdline.test.count", 1, 1, 1000));
        assertFalse(config.getBoolean("holdline.test.enabled", true));
        assertEquals(Duration.ofMillis(500), config.getDuration("holdline.test.wait", Duration.ZERO));
    }

    @Test
    void typedGettersReadSystemProperties() {
        System.setProperty("holdline.test.count", "999");
        System.setProperty("holdline.test.enabled", "true");
        System.setProperty("holdline.test.wait", "2m");
        assertEquals(999, config.getInt("holdline.test.count", 1, 1, 1000));
        assertTrue(config.getBoolean("holdline.test.enabled", false));
        assertEquals(Duration.ofMinutes(2), config.getDuration("holdline.test.wait", Duration.ZERO));
    }

    @Test
    void aBadInitParamIsReportedWithKeySourceAndValue() {
        assertInvalid(() -> config.getInt("holdline.test.bad-count", 1, 1, 1000),
                "holdline.test.bad-count", "servlet context init-param", "'twelve'", "an integer between 1 and 1000");
        assertInvalid(() -> config.getInt("holdline.test.big-count", 1, 1, 1000),
                "holdline.test.big-count", "servlet context init-param", "'1001'", "an integer between 1 and 1000");
        assertInvalid(() -> config.getBoolean("holdline.test.bad-enabled", false),
                "holdline.test.bad-enabled", "servlet context init-param", "'yes'", "'true' or 'false'");
        assertInvalid(() -> config.getDuration("holdline.test.bad-wait", Duration.ZERO),
                "holdline.test.bad-wait", "servlet context init-param", "'1.5s'", "'500ms'");
    }

    @Test
    void aBadSystemPropertyIsReportedAsSuchEvenOverAGoodInitParam() {
        System.setProperty("holdline.test.count", "-5");
        assertInvalid(() -> config.getInt("holdline.test.count", 1, 1, 1000),
                "holdline.test.count", "system property", "'-5'", "between 1 and 1000");
        System.setProperty("holdline.test.wait", "30x");
        assertInvalid(() -> config.getDuration("holdline.test.wait", Duration.ZERO),
                "holdline.test.wait", "system property", "'30x'", "'2m'");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"TRUE", "True", "yes", "1", "on", "", "false!", "t"})
    void booleansAreStrictlyTrueOrFalse(String value) {
        System.setProperty("holdline.test.flag", value);
        assertInvalid(() -> config.getBoolean("holdline.test.flag", false), "holdline.test.flag", "system property", "'" + value + "'");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "1.0", "0x10", "2147483648", "-2147483649", "ten", "1 0"})
    void integersMustBeDecimalIntegers(String value) {
        System.setProperty("holdline.test.int", value);
        assertInvalid(() -> config.getInt("holdline.test.int", 0, Integer.MIN_VALUE, Integer.MAX_VALUE),
                "holdline.test.int", "system property", "'" + value + "'");
    }

    @Test
    void integerBoundsAreInclusive() {
        System.setProperty("holdline.test.int", "10");
        assertEquals(10, config.getInt("holdline.test.int", 5, 1, 10));
        System.setProperty("holdline.test.int", "1");
        assertEquals(1, config.getInt("holdline.test.int", 5, 1, 10));
    }

    @Test
    void aDefaultOutsideItsOwnRangeIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> config.getInt("holdline.test.unset", 11, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> config.getInt("holdline.test.unset", 5, 10, 1));
    }

    @Test
    void customParsersGetTheSameErrorReporting() {
        System.setProperty("holdline.test.custom", "oops");
        assertInvalid(() -> config.get("holdline.test.custom", 0, "a magic word", text -> {
            throw new IllegalArgumentException("nope");
        }), "holdline.test.custom", "system property", "'oops'", "a magic word");
        assertEquals("default", config.get("holdline.test.unset", "default", "anything", text -> text));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "holdline", "holdline.http", "holdline.http.", "other.http.x", "holdline.HTTP.x",
        "holdline..x", "holdline.http.x y", "Holdline.http.x"})
    void keysMustHaveTheDocumentedShape(String key) {
        assertThrows(IllegalArgumentException.class, () -> config.lookup(key));
    }

    @Test
    void theProblemBaseComesFromConfiguration() {
        assertEquals("https://errors.example.com/api/problems/x", ProblemTypes.fromConfig(config).type("x").toString());
        System.setProperty(ProblemTypes.BASE_KEY, "https://override.example.com/problems");
        assertEquals("https://override.example.com/problems/x", ProblemTypes.fromConfig(config).type("x").toString());
        System.clearProperty(ProblemTypes.BASE_KEY);
        assertEquals(ProblemTypes.DEFAULT_BASE + "x", ProblemTypes.fromConfig(HoldlineConfig.systemPropertiesOnly()).type("x").toString());
    }

    @Test
    void aBadProblemBaseIsReportedWithKeyAndSource() {
        System.setProperty(ProblemTypes.BASE_KEY, "https://example.com/errors/");
        assertInvalid(() -> ProblemTypes.fromConfig(config), ProblemTypes.BASE_KEY, "system property",
                "'https://example.com/errors/'", "/problems/");
    }

    private static void assertInvalid(Runnable lookup, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, lookup::run);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' missing from: " + e.getMessage());
        }
    }
}
