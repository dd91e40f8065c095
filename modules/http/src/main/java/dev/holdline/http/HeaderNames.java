package dev.holdline.http;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Settings that name request or response headers: a comma-separated list of field names. */
public final class HeaderNames {

    private HeaderNames() {
    }

    /**
     * The distinct names of a comma-separated list, lower-cased, in order; empty items are skipped.
     *
     * @throws IllegalArgumentException for an item that is not a field name (an HTTP token)
     */
    public static List<String> parseList(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String item : text.split(",")) {
            String name = item.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!HttpSyntax.isToken(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a header name");
            }
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(names);
    }
}
