package dev.holdline.tck.report;

/** How one reported test execution ended. */
enum TestOutcome {
    PASSED,
    /** A failure or an error: the report does not tell them apart. */
    FAILED,
    /** Skipped with a reason starting with {@code not applicable:}. */
    NOT_APPLICABLE,
    /** Skipped for any other reason: disabled, an assumption not met. */
    SKIPPED
}
