package dev.holdline.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns problem names into the stable type URIs of Holdline problems:
 * {@code <base><name>}, where the base ends in {@code /problems/}, so that every type ends in
 * {@code /problems/<name>} as the design requires.
 *
 * <p>The base is the setting {@value #BASE_KEY}, default {@value #DEFAULT_BASE}. It must be an absolute
 * URI without query or fragment whose path ends in {@code /problems/} (a missing final slash is added).
 * Problem names are lower-case words joined by hyphens, such as {@code deadline-exceeded}.
 */
public final class ProblemTypes {

    /** Configuration key of the base URI. */
    public static final String BASE_KEY = "holdline.http.problem-base";

    /** The base used when {@value #BASE_KEY} is not set. */
    public static final String DEFAULT_BASE = "https://holdline.dev/problems/";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final String EXPECTED_BASE =
            "an absolute URI without query or fragment whose path ends in /problems/, such as " + DEFAULT_BASE;

    private final URI base;

    private ProblemTypes(URI base) {
        this.base = base;
    }

    /** Problem types under the default base. */
    public static ProblemTypes defaults() {
        return new ProblemTypes(URI.create(DEFAULT_BASE));
    }

    /**
     * Problem types under the base configured by {@value #BASE_KEY}.
     *
     * @throws IllegalArgumentException naming the key, source and value if the base is unusable
     */
    public static ProblemTypes fromConfig(HoldlineConfig config) {
        return config.get(BASE_KEY, defaults(), EXPECTED_BASE, ProblemTypes::of);
    }

    /**
     * Problem types under an explicit base.
     *
     * @throws IllegalArgumentException if the base is not an absolute URI whose path ends in
     *                                  {@code /problems/} (or {@code /problems})
     */
    public static ProblemTypes of(String base) {
        Objects.requireNonNull(base, "base");
        URI uri;
        try {
            uri = new URI(base);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Problem base '" + base + "' is not a URI: " + e.getMessage(), e);
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawPath() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Problem base '" + base + "' must be " + EXPECTED_BASE);
        }
        String path = uri.getRawPath();
        if (path.endsWith("/problems")) {
            uri = URI.create(base + "/");
        } else if (!path.endsWith("/problems/")) {
            throw new IllegalArgumentException("Problem base '" + base + "' must be " + EXPECTED_BASE);
        }
        return new ProblemTypes(uri);
    }

    /** The base, ending in {@code /problems/}. */
    public URI base() {
        return base;
    }

    /**
     * The type URI of a named problem.
     *
     * @throws IllegalArgumentException if the name is not lower-case words joined by hyphens
     */
    public URI type(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Problem name '" + name
                    + "' must be lower-case letters and digits in words joined by single hyphens, such as 'deadline-exceeded'");
        }
        return URI.create(base + name);
    }

    /** Starts a problem of a named type; see {@link Problem#builder(URI, int)}. */
    public Problem.Builder problem(String name, int status) {
        return Problem.builder(type(name), status);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
