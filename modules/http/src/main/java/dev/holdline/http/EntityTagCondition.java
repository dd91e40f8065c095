package dev.holdline.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of an {@code If-None-Match} or {@code If-Match} field (RFC 9110 sections 13.1.1 and
 * 13.1.2): either {@code *} or a list of entity tags, possibly spread over several field lines.
 *
 * <p>Evaluating the condition is the caller's business (which comparison, what a failed condition
 * answers); this type offers both comparisons with the {@code *} rule applied.
 */
public final class EntityTagCondition {

    /** The {@code If-None-Match} request header name. */
    public static final String IF_NONE_MATCH = "If-None-Match";
    /** The {@code If-Match} request header name. */
    public static final String IF_MATCH = "If-Match";

    private static final EntityTagCondition ANY = new EntityTagCondition(true, List.of());

    private final boolean any;
    private final List<EntityTag> tags;

    private EntityTagCondition(boolean any, List<EntityTag> tags) {
        this.any = any;
        this.tags = tags;
    }

    /** The condition {@code *}. */
    public static EntityTagCondition any() {
        return ANY;
    }

    /** A condition listing these tags, at least one. */
    public static EntityTagCondition of(EntityTag... tags) {
        if (tags.length == 0) {
            throw new IllegalArgumentException("A condition lists at least one entity tag; use any() for '*'");
        }
        return new EntityTagCondition(false, List.of(tags));
    }

    /**
     * The condition carried by a request header ({@link #IF_NONE_MATCH} or {@link #IF_MATCH}), empty if
     * the request has no such header.
     *
     * @throws IllegalArgumentException if the field is malformed
     */
    public static Optional<EntityTagCondition> of(HttpServletRequest request, String headerName) {
        Enumeration<String> lines = request.getHeaders(headerName);
        if (lines == null || !lines.hasMoreElements()) {
            return Optional.empty();
        }
        return Optional.of(parse(Collections.list(lines)));
    }

    /** Parses field lines; see {@link #parse(Iterable)}. */
    public static EntityTagCondition parse(String... fieldValues) {
        return parse(Arrays.asList(fieldValues));
    }

    /**
     * Parses field lines, each a comma-separated list: whitespace and empty elements are allowed,
     * commas inside quotes belong to the tag, and {@code *} must stand alone.
     *
     * @throws IllegalArgumentException naming the bad field value, if any element is malformed, the
     *                                  list is empty, or {@code *} is mixed with tags
     */
    public static EntityTagCondition parse(Iterable<String> fieldValues) {
        List<EntityTag> tags = new ArrayList<>();
        int stars = 0;
        StringBuilder all = new StringBuilder();
        for (String fieldValue : fieldValues) {
            Objects.requireNonNull(fieldValue, "field value");
            all.append(all.length() == 0 ? "" : ", ").append(fieldValue);
            FieldScanner scanner = new FieldScanner(fieldValue);
            while (true) {
                scanner.skipWhitespace();
                if (scanner.atEnd()) {
                    break;
                }
                if (scanner.consume(',')) {
                    continue;
                }
                if (scanner.consume('*')) {
                    stars++;
                } else {
                    tags.add(EntityTag.read(scanner));
                }
                scanner.skipWhitespace();
                if (!scanner.atEnd() && !scanner.consume(',')) {
                    throw scanner.error("expected ',' between entity tags");
                }
            }
        }
        if (stars > 0 && (stars > 1 || !tags.isEmpty())) {
            throw new IllegalArgumentException("Malformed field value '" + all + "': '*' must be the whole value");
        }
        if (stars == 1) {
            return ANY;
        }
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("Malformed field value '" + all + "': expected '*' or at least one entity tag");
        }
        return new EntityTagCondition(false, List.copyOf(tags));
    }

    /** Whether this is {@code *}. */
    public boolean isAny() {
        return any;
    }

    /** The listed tags; empty for {@code *}. */
    public List<EntityTag> tags() {
        return tags;
    }

    /**
     * Weak comparison against the current representation's tag, the rule of {@code If-None-Match}.
     * {@code *} matches any current representation.
     */
    public boolean matchesWeak(EntityTag current) {
        return matchesWeak(Objects.requireNonNull(current, "current"), true);
    }

    /**
     * Weak comparison, the rule of {@code If-None-Match}, for a resource that may lack a current
     * representation or whose representation may have no tag.
     *
     * @param current              the current representation's tag, or null if it has none
     * @param representationExists whether there is a current representation, which is all {@code *} asks
     */
    public boolean matchesWeak(EntityTag current, boolean representationExists) {
        if (any) {
            return representationExists;
        }
        return current != null && tags.stream().anyMatch(tag -> tag.weakMatch(current));
    }

    /**
     * Strong comparison against the current representation's tag, the rule of {@code If-Match}.
     * {@code *} matches any current representation.
     */
    public boolean matchesStrong(EntityTag current) {
        return matchesStrong(Objects.requireNonNull(current, "current"), true);
    }

    /**
     * Strong comparison, the rule of {@code If-Match}, for a resource that may lack a current
     * representation or whose representation may have no tag.
     *
     * @param current              the current representation's tag, or null if it has none
     * @param representationExists whether there is a current representation, which is all {@code *} asks
     */
    public boolean matchesStrong(EntityTag current, boolean representationExists) {
        if (any) {
            return representationExists;
        }
        return current != null && tags.stream().anyMatch(tag -> tag.strongMatch(current));
    }

    /** The field value: {@code *} or the tags joined by {@code ", "}. */
    @Override
    public String toString() {
        if (any) {
            return "*";
        }
        StringBuilder text = new StringBuilder();
        for (EntityTag tag : tags) {
            text.append(text.length() == 0 ? "" : ", ").append(tag.format());
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntityTagCondition that && any == that.any && tags.equals(that.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(any, tags);
    }
}
