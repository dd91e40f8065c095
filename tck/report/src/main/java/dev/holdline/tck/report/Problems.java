package dev.holdline.tck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the report could not make sense of (unreadable files, unknown ids, missing classes). Kept
 * sorted and free of duplicates so that the "Problems" section is the same on every run.
 */
final class Problems {

    private final SortedSet<String> messages = new TreeSet<>(NaturalOrder.INSTANCE);

    void add(String message) {
        messages.add(message);
    }

    List<String> all() {
        return new ArrayList<>(messages);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    int size() {
        return messages.size();
    }
}
