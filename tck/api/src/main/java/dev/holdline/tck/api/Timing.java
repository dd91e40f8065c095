package dev.holdline.tck.api;

import java.time.Duration;

/**
 * The TCK's timing factor. Slow or loaded machines set {@value #PROPERTY} (default 1.0) above 1 to
 * widen the upper bounds of timing assertions. Lower bounds are never scaled: a timeout that fires
 * early is wrong on every machine.
 */
public final class Timing {

    /** System property holding the factor, a positive decimal number. */
    public static final String PROPERTY = "holdline.tck.timeFactor";

    private Timing() {
    }

    /**
     * The configured factor.
     *
     * @throws IllegalStateException if the property is not a positive number
     */
    public static double factor() {
        String raw = System.getProperty(PROPERTY, "1.0").trim();
        double factor;
        try {
            factor = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(PROPERTY + " must be a positive number, was '" + raw + "'", e);
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalStateException(PROPERTY + " must be a positive number, was '" + raw + "'");
        }
        return factor;
    }

    /** {@code nominal} multiplied by the factor: use for upper bounds and for how long a test waits. */
    public static Duration scaled(Duration nominal) {
        return Duration.ofNanos(Math.round(nominal.toNanos() * factor()));
    }

    /**
     * Fails unless {@code lower <= actual <= scaled(upper)}.
     *
     * @param what names the measured interval in the failure message
     */
    public static void assertBetween(String what, Duration actual, Duration lower, Duration upper) {
        Duration scaledUpper = scaled(upper);
        if (actual.compareTo(lower) < 0 || actual.compareTo(scaledUpper) > 0) {
            throw new AssertionError(what + " took " + actual.toMillis() + " ms, expected between "
                    + lower.toMillis() + " ms and " + scaledUpper.toMillis() + " ms (timeFactor " + factor() + ")");
        }
    }
}
