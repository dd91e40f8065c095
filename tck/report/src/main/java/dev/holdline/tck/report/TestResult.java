package dev.holdline.tck.report;

/**
 * One {@code testcase} of a runner's XML report.
 *
 * @param className  the test class as reported
 * @param methodName the test method without invocation suffixes such as {@code (String)[2]}, or
 *                   {@code null} when the entry stands for the whole class (a failing
 *                   {@code @BeforeAll}, a class skipped as a whole)
 * @param outcome    how it ended
 */
record TestResult(String className, String methodName, TestOutcome outcome) {

    boolean isClassLevel() {
        return methodName == null;
    }
}
