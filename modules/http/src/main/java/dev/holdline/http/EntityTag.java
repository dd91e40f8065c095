package dev.holdline.http;

import java.util.Objects;

/**
 * An entity tag (RFC 9110 section 8.8.3): an opaque validator, strong ({@code "abc"}) or weak
 * ({@code W/"abc"}), with the two comparison functions of section 8.8.3.2.
 *
 * @param opaqueTag the characters between the quotes: {@code %x21 / %x23-7E} and obs-text
 *                  ({@code U+0080..U+00FF}), possibly empty
 * @param weak      whether the tag is weak
 */
public record EntityTag(String opaqueTag, boolean weak) {

    /** The response header name. */
    public static final String HEADER = "ETag";

    /** Validates the opaque tag. */
    public EntityTag {
        Objects.requireNonNull(opaqueTag, "opaqueTag");
        for (int i = 0; i < opaqueTag.length(); i++) {
            if (!isEtagChar(opaqueTag.charAt(i))) {
                throw new IllegalArgumentException("Invalid entity tag value '" + opaqueTag + "': character U+"
                        + String.format("%04X", (int) opaqueTag.charAt(i)) + " at position " + i
                        + " is not allowed (quotes, spaces and control characters are not)");
            }
        }
    }

    /** A strong tag. */
    public static EntityTag strong(String opaqueTag) {
        return new EntityTag(opaqueTag, false);
    }

    /** A weak tag. */
    public static EntityTag weak(String opaqueTag) {
        return new EntityTag(opaqueTag, true);
    }

    /**
     * Parses one entity tag, such as an {@code ETag} field value; surrounding spaces are ignored.
     *
     * @throws IllegalArgumentException explaining what is wrong: missing quotes, a lower-case
     *                                  {@code w/}, a bad character or trailing text
     */
    public static EntityTag parse(String value) {
        Objects.requireNonNull(value, "value");
        FieldScanner scanner = new FieldScanner(value);
        scanner.skipWhitespace();
        EntityTag tag = read(scanner);
        scanner.skipWhitespace();
        if (!scanner.atEnd()) {
            throw scanner.error("unexpected text after the entity tag");
        }
        return tag;
    }

    /** Reads one entity tag at the scanner's position. */
    static EntityTag read(FieldScanner scanner) {
        boolean weak = false;
        if (scanner.peekIs('W')) {
            scanner.advance();
            if (!scanner.consume('/')) {
                throw scanner.error("expected 'W/\"' (a weak entity tag) or '\"'");
            }
            weak = true;
        } else if (scanner.peekIs('w')) {
            throw scanner.error("the weak prefix is an upper-case 'W/'");
        }
        if (!scanner.consume('"')) {
            throw scanner.error("an entity tag must be in double quotes, like \"abc\" or W/\"abc\"");
        }
        StringBuilder opaque = new StringBuilder();
        while (true) {
            if (scanner.atEnd()) {
                throw scanner.error("missing closing '\"' of the entity tag");
            }
            char c = scanner.peek();
            if (c == '"') {
                scanner.advance();
                return new EntityTag(opaque.toString(), weak);
            }
            if (!isEtagChar(c)) {
                throw scanner.error("character U+" + String.format("%04X", (int) c) + " is not allowed in an entity tag");
            }
            opaque.append(c);
            scanner.advance();
        }
    }

    private static boolean isEtagChar(char c) {
        return c == 0x21 || c >= 0x23 && c <= 0x7E || c >= 0x80 && c <= 0xFF;
    }

    /** Strong comparison: both tags strong and their opaque tags equal. Use for {@code If-Match} and ranges. */
    public boolean strongMatch(EntityTag other) {
        return !weak && !other.weak && opaqueTag.equals(other.opaqueTag);
    }

    /** Weak comparison: opaque tags equal, whether either is weak. Use for {@code If-None-Match}. */
    public boolean weakMatch(EntityTag other) {
        return opaqueTag.equals(other.opaqueTag);
    }

    /** This tag, made weak (as a compressing filter must do with a strong tag). */
    public EntityTag toWeak() {
        return weak ? this : new EntityTag(opaqueTag, true);
    }

    /** The tag as written in a field: {@code "abc"} or {@code W/"abc"}. */
    public String format() {
        return (weak ? "W/\"" : "\"") + opaqueTag + '"';
    }

    /** Same as {@link #format()}. */
    @Override
    public String toString() {
        return format();
    }
}
