package dev.holdline.tck.report;

import java.util.SortedMap;

/**
 * What one container's runner recorded with {@link dev.holdline.tck.api.Observations}.
 *
 * @param title   column title: the container's name
 * @param entries per observation id, in natural id order
 */
record ContainerObservations(String title, SortedMap<String, ContainerObservations.Entry> entries) {

    /** One observation; either part may be missing from a hand-edited or truncated file. */
    record Entry(String question, String answer) {
    }
}
