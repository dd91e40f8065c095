package dev.holdline.tck.report;

import java.util.List;

/**
 * Everything read from one runner's reports directory.
 *
 * @param runner        where it came from
 * @param containerName the {@code holdline.tck.container} system property of the test JVM, or the
 *                      runner's name when no report carries it
 * @param results       every test case, in file order
 */
record RunnerResults(Runner runner, String containerName, List<TestResult> results) {

    boolean isEmpty() {
        return results.isEmpty();
    }
}
