package dev.holdline.http;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes immutable, validated copies of JSON-shaped values, so that a {@link Problem} cannot be changed
 * through a list or map its creator keeps, and an unwritable value fails when the problem is built
 * rather than when the response is half sent.
 */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * Copies a value: strings, booleans and numbers as they are (other {@link Number} types become a
     * {@link BigDecimal} snapshot), collections as unmodifiable lists, maps as unmodifiable ordered
     * maps.
     *
     * @param path names the value in error messages, such as {@code extension 'errors'}
     * @throws IllegalArgumentException if anything inside cannot be written as JSON
     */
    static Object immutableCopy(Object value, String path) {
        return copy(value, path, 0);
    }

    private static Object copy(Object value, String path, int depth) {
        if (depth > JsonWriter.MAX_DEPTH) {
            throw new IllegalArgumentException(path + ": nesting deeper than " + JsonWriter.MAX_DEPTH
                    + " levels (is the structure cyclic?)");
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Number number) {
            try {
                JsonWriter.numberText(number);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
            }
            return isImmutableNumber(number) ? number : new BigDecimal(number.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(path + ": JSON object keys must be strings, found "
                            + JsonWriter.describe(entry.getKey()));
                }
                copy.put(key, copy(entry.getValue(), path + "." + key, depth + 1));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            int index = 0;
            for (Object element : collection) {
                copy.add(copy(element, path + "[" + index++ + "]", depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path + ": cannot write " + JsonWriter.describe(value)
                + " as JSON; use String, Number, Boolean, null, a List or a Map with String keys");
    }

    private static boolean isImmutableNumber(Number number) {
        return number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte || number instanceof Double || number instanceof Float
                || number.getClass() == BigInteger.class || number.getClass() == BigDecimal.class;
    }
}
