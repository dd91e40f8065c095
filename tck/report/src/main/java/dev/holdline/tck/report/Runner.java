package dev.holdline.tck.report;

import java.nio.file.Path;

/**
 * One TCK runner whose output the report reads.
 *
 * @param name             the runner's name, e.g. {@code run-tomcat}; the column title when its results
 *                         do not name the container
 * @param resultsDir       the failsafe (or surefire) reports directory holding {@code TEST-*.xml}
 * @param observationsFile the runner's {@code observations.properties}, which may not exist
 */
record Runner(String name, Path resultsDir, Path observationsFile) {
}
