package dev.holdline.tck.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimingTest {

    @AfterEach
    void reset() {
        System.clearProperty(Timing.PROPERTY);
    }

    @Test
    void defaultFactorIsOne() {
        assertEquals(1.0, Timing.factor());
        assertEquals(Duration.ofSeconds(2), Timing.scaled(Duration.ofSeconds(2)));
    }

    @Test
    void factorScalesUpperBoundsOnly() {
        System.setProperty(Timing.PROPERTY, "2.5");
        assertEquals(Duration.ofMillis(2500), Timing.scaled(Duration.ofSeconds(1)));
        assertDoesNotThrow(() -> Timing.assertBetween("x", Duration.ofMillis(2400), Duration.ofMillis(500), Duration.ofSeconds(1)));
        assertThrows(AssertionError.class,
                () -> Timing.assertBetween("x", Duration.ofMillis(400), Duration.ofMillis(500), Duration.ofSeconds(1)));
        assertThrows(AssertionError.class,
                () -> Timing.assertBetween("x", Duration.ofMillis(2600), Duration.ofMillis(500), Duration.ofSeconds(1)));
    }

    @Test
    void rejectsGarbageAndNonPositiveFactors() {
        for (String bad : new String[] {"fast", "0", "-1", "NaN", "Infinity"}) {
            System.setProperty(Timing.PROPERTY, bad);
            IllegalStateException e = assertThrows(IllegalStateException.class, Timing::factor, bad);
            assertEquals(true, e.getMessage().contains(Timing.PROPERTY), e.getMessage());
        }
    }
}
