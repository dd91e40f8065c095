package dev.holdline.tck.report;

import java.util.List;

/**
 * One {@code docs/spec/*.md} file.
 *
 * @param path       as shown in the report, relative to the repository root
 * @param title      the file's first {@code # } heading, or its name without {@code .md}
 * @param assertions in natural id order
 */
record SpecFile(String path, String title, List<SpecAssertion> assertions) {
}
