package dev.holdline.tck.report;

import static dev.holdline.tck.report.TestOutcome.FAILED;
import static dev.holdline.tck.report.TestOutcome.NOT_APPLICABLE;
import static dev.holdline.tck.report.TestOutcome.PASSED;
import static dev.holdline.tck.report.TestOutcome.SKIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTest {

    @Test
    void combinesOutcomes() {
        assertEquals(Status.NOT_RUN, Status.of(List.of()));
        assertEquals(Status.PASS, Status.of(List.of(PASSED, PASSED)));
        assertEquals(Status.FAIL, Status.of(List.of(PASSED, FAILED, SKIPPED, NOT_APPLICABLE)));
        assertEquals(Status.NOT_APPLICABLE, Status.of(List.of(NOT_APPLICABLE, NOT_APPLICABLE)));
        assertEquals(Status.SKIPPED, Status.of(List.of(SKIPPED, NOT_APPLICABLE)));
        assertEquals(Status.SKIPPED, Status.of(List.of(PASSED, SKIPPED)));
        assertEquals(Status.PASS, Status.of(List.of(PASSED, NOT_APPLICABLE)));
    }
}
