package dev.holdline.tck.report;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * One column of the matrix: a container and the outcomes of its tests, with entries that stand
 * for a whole class already spread over that class's test methods.
 *
 * @param title      column title: the container's name, made unique among the columns
 * @param runnerName the runner it came from
 * @param outcomes   every reported execution per test
 * @param ownClasses test classes of the runner's own (smoke tests of its setup), which name no
 *                   assertions and are therefore not in the matrix
 */
record ContainerResults(String title, String runnerName, SortedMap<TestId, List<TestOutcome>> outcomes,
        SortedSet<String> ownClasses) {
}
