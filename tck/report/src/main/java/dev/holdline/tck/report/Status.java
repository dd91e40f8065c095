package dev.holdline.tck.report;

import java.util.Collection;

/** The verdict for one assertion on one container, as shown in the matrix. */
enum Status {
    PASS("pass"),
    FAIL("fail"),
    NOT_APPLICABLE("n/a"),
    SKIPPED("skipped"),
    NOT_RUN("not run"),
    /** No test of the suite names the assertion; the same on every container. */
    UNCOVERED("uncovered");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /**
     * Combines the outcomes of every test run for an assertion on one container. A failure anywhere
     * decides; a plain skip means the assertion was not fully checked, so it outranks passes; tests
     * not applicable to the container count neither way unless nothing else ran.
     */
    static Status of(Collection<TestOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return NOT_RUN;
        }
        if (outcomes.contains(TestOutcome.FAILED)) {
            return FAIL;
        }
        if (outcomes.contains(TestOutcome.SKIPPED)) {
            return SKIPPED;
        }
        if (outcomes.contains(TestOutcome.PASSED)) {
            return PASS;
        }
        return NOT_APPLICABLE;
    }
}
