package dev.holdline.http;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A problem details object (RFC 9457): what went wrong, in a form clients can act on. Immutable.
 *
 * <p>Holdline problems always carry a {@code type} (under {@link ProblemTypes}' base) and a
 * {@code status} in 400..599: problems describe errors, and the status is what {@link ProblemWriter}
 * answers with. Extension members hold JSON-shaped values only (String, Number, Boolean, null, List,
 * Map with String keys, nested), copied when the problem is built.
 */
public final class Problem {

    /** The media type of a problem details JSON document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Member names RFC 9457 defines, which extensions may not reuse. */
    public static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    /**
     * RFC 9457 section 3.2 asks that extension names start with a letter and use only letters, digits
     * and underscores, so that they survive translation to formats such as XML.
     */
    private static final Pattern EXTENSION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final URI type;
    private final String title;
    private final int status;
    private final String detail;
    private final URI instance;
    private final Map<String, Object> extensions;

    private Problem(Builder builder) {
        this.type = builder.type;
        this.title = builder.title;
        this.status = builder.status;
        this.detail = builder.detail;
        this.instance = builder.instance;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extensions));
    }

    /**
     * Starts a problem. Usually reached through {@link ProblemTypes#problem(String, int)}, which builds
     * the type URI from a problem name.
     *
     * @throws IllegalArgumentException if the status is not in 400..599
     */
    public static Builder builder(URI type, int status) {
        return new Builder(type, status);
    }

    /** The problem type URI. */
    public URI type() {
        return type;
    }

    /** A short, human-readable summary of the problem type. */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** A human-readable explanation of this occurrence. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** A URI reference identifying this occurrence. */
    public Optional<URI> instance() {
        return Optional.ofNullable(instance);
    }

    /** The extension members in the order they were added; unmodifiable, values deeply so. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The problem as a JSON object: standard members first, then extensions in order. */
    public String toJson() {
        return JsonWriter.toJson(members());
    }

    /** The problem as JSON in ASCII only, non-ASCII characters escaped. */
    String toAsciiJson() {
        return JsonWriter.toAsciiJson(members());
    }

    private Map<String, Object> members() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", type.toString());
        if (title != null) {
            members.put("title", title);
        }
        members.put("status", status);
        if (detail != null) {
            members.put("detail", detail);
        }
        if (instance != null) {
            members.put("instance", instance.toString());
        }
        members.putAll(extensions);
        return members;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Problem that && status == that.status && type.equals(that.type)
                && Objects.equals(title, that.title) && Objects.equals(detail, that.detail)
                && Objects.equals(instance, that.instance) && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, title, status, detail, instance, extensions);
    }

    /** The JSON form, which says everything about the problem. */
    @Override
    public String toString() {
        return toJson();
    }

    /** Assembles a {@link Problem}; not thread-safe. */
    public static final class Builder {

        private final URI type;
        private final int status;
        private String title;
        private String detail;
        private URI instance;
        private final Map<String, Object> extensions = new LinkedHashMap<>();

        private Builder(URI type, int status) {
            this.type = Objects.requireNonNull(type, "type");
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("A problem's status must be an error status in 400..599, was " + status);
            }
            this.status = status;
        }

        /** Sets the title; null removes it. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Sets the detail; null removes it. */
        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        /** Sets the instance URI reference (may be relative); null removes it. */
        public Builder instance(URI instance) {
            this.instance = instance;
            return this;
        }

        /**
         * Adds or replaces an extension member. The value is copied now, so later changes to a list or
         * map passed here do not leak into the problem.
         *
         * @throws IllegalArgumentException if the name is a standard member, is not a letter followed by
         *                                  letters, digits or underscores, or the value cannot be JSON
         */
        public Builder extension(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (STANDARD_MEMBERS.contains(name)) {
                throw new IllegalArgumentException("Extension member '" + name
                        + "' collides with a standard problem member " + STANDARD_MEMBERS);
            }
            if (!EXTENSION_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Extension member name '" + name
                        + "' must start with a letter and contain only letters, digits and '_' (RFC 9457 section 3.2)");
            }
            extensions.put(name, JsonValues.immutableCopy(value, "extension '" + name + "'"));
            return this;
        }

        /** Adds or replaces several extension members; see {@link #extension(String, Object)}. */
        public Builder extensions(Map<String, ?> members) {
            members.forEach(this::extension);
            return this;
        }

        /** The problem. */
        public Problem build() {
            return new Problem(this);
        }
    }
}
