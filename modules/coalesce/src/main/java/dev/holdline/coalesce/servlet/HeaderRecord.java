package dev.holdline.coalesce.servlet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The response header fields the chain set through the capturing wrapper, in order, with every value of a
 * multi-valued field, names matched case-insensitively but kept as first written. Not thread-safe: the
 * capturing wrapper guards it.
 */
final class HeaderRecord {

    /** One field: its name as first written and its values in order. */
    record Field(String name, List<String> values) {
        Field {
            values = List.copyOf(values);
        }
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();

    void set(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        if (value == null) {
            fields.remove(key);
            return;
        }
        Field existing = fields.get(key);
        fields.put(key, new Field(existing == null ? name : existing.name(), List.of(value)));
    }

    void add(String name, String value) {
        if (value == null) {
            return;
        }
        String key = name.toLowerCase(Locale.ROOT);
        Field existing = fields.get(key);
        List<String> values = new ArrayList<>(existing == null ? List.of() : existing.values());
        values.add(value);
        fields.put(key, new Field(existing == null ? name : existing.name(), values));
    }

    List<String> values(String name) {
        Field field = fields.get(name.toLowerCase(Locale.ROOT));
        return field == null ? List.of() : field.values();
    }

    String first(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.get(0);
    }

    boolean contains(String name) {
        return fields.containsKey(name.toLowerCase(Locale.ROOT));
    }

    void clear() {
        fields.clear();
    }

    /** An immutable copy, in order. */
    List<Field> snapshot() {
        return List.copyOf(fields.values());
    }
}
