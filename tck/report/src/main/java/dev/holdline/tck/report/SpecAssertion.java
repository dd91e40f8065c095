package dev.holdline.tck.report;

/**
 * One numbered assertion of a spec file.
 *
 * @param id   e.g. {@code CT-1.2}
 * @param text the sentence after the id, continuation lines joined with spaces
 * @param line 1-based line of the list item, for problem messages
 */
record SpecAssertion(String id, String text, int line) {
}
