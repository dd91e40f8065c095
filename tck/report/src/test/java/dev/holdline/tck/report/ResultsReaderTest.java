package dev.holdline.tck.report;

import static dev.holdline.tck.report.Fixtures.errored;
import static dev.holdline.tck.report.Fixtures.failed;
import static dev.holdline.tck.report.Fixtures.passed;
import static dev.holdline.tck.report.Fixtures.report;
import static dev.holdline.tck.report.Fixtures.skipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsReaderTest {

    @TempDir
    Path root;

    private final Problems problems = new Problems();

    private RunnerResults read(String... reports) {
        Path dir = Fixtures.reportsDir(root, "run-x");
        for (int i = 0; i < reports.length; i++) {
            Fixtures.write(dir.resolve("TEST-" + i + ".xml"), reports[i]);
        }
        return new ResultsReader(new Locations(root), problems).read(new Runner("run-x", dir, dir.resolve("none")));
    }

    @Test
    void readsEachOutcome() {
        RunnerResults results = read(report("Tomcat 10.1.59",
                passed("a.B", "passes"),
                failed("a.B", "fails"),
                errored("a.B", "errs"),
                skipped("a.B", "disabled", "void a.B.disabled() is @Disabled"),
                skipped("a.B", "notApplicable", "not applicable: container lacks undeploy")));
        assertEquals(List.of(
                new TestResult("a.B", "passes", TestOutcome.PASSED),
                new TestResult("a.B", "fails", TestOutcome.FAILED),
                new TestResult("a.B", "errs", TestOutcome.FAILED),
                new TestResult("a.B", "disabled", TestOutcome.SKIPPED),
                new TestResult("a.B", "notApplicable", TestOutcome.NOT_APPLICABLE)), results.results());
        assertEquals("Tomcat 10.1.59", results.containerName());
        assertTrue(problems.isEmpty(), problems.all()::toString);
    }

    @Test
    void skipReasonMayBeTheElementText() {
        RunnerResults results = read(report(null,
                "<testcase name=\"t\" classname=\"a.B\"><skipped>not applicable: no cdi</skipped></testcase>"));
        assertEquals(TestOutcome.NOT_APPLICABLE, results.results().get(0).outcome());
    }

    @Test
    void aFlakyTestThatPassedOnRerunCountsAsPassed() {
        RunnerResults results = read(report(null,
                "<testcase name=\"t\" classname=\"a.B\"><flakyFailure message=\"once\"/></testcase>"));
        assertEquals(TestOutcome.PASSED, results.results().get(0).outcome());
    }

    @Test
    void stripsInvocationSuffixes() {
        assertEquals("timesOut", ResultsReader.methodName("a.B", "timesOut(String)[2]"));
        assertEquals("repeats", ResultsReader.methodName("a.B", "repeats()[1]"));
        assertEquals("dynamic", ResultsReader.methodName("a.B", "dynamic[3][1]"));
        assertEquals("plain", ResultsReader.methodName("a.B", "plain"));
    }

    @Test
    void anEntryNamedAfterItsClassStandsForTheWholeClass() {
        assertNull(ResultsReader.methodName("a.B", ""));
        assertNull(ResultsReader.methodName("a.B", "B"));
        assertNull(ResultsReader.methodName("a.Outer$Inner", "Inner"));
        assertNull(ResultsReader.methodName("a.B", "a.B"));
    }

    @Test
    void fallsBackToTheRunnerNameWithoutTheContainerProperty() {
        assertEquals("run-x", read(report(null, passed("a.B", "t"))).containerName());
    }

    @Test
    void malformedXmlIsAProblemAndTheOtherFilesAreStillRead() {
        RunnerResults results = read("<testsuite><testcase name=\"t\"", report("Payara", passed("a.B", "t")));
        assertEquals(1, results.results().size());
        assertEquals("Payara", results.containerName());
        assertEquals(1, problems.size());
        String problem = problems.all().get(0);
        assertTrue(problem.startsWith("Cannot read tck/run-x/target/failsafe-reports/TEST-0.xml: malformed XML at line 1"),
                problem);
    }

    @Test
    void refusesDoctypesSoNoExternalEntityIsResolved() {
        Path secret = root.resolve("secret.txt");
        Fixtures.write(secret, "top secret");
        RunnerResults results = read("<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]>\n<testsuite><testcase name=\"&x;\" classname=\"a.B\"/></testsuite>");
        assertTrue(results.isEmpty());
        assertEquals(1, problems.size());
        assertTrue(problems.all().get(0).contains("DOCTYPE"), problems.all()::toString);
    }

    @Test
    void conflictingContainerNamesAreAProblem() {
        RunnerResults results = read(report("Tomcat 10", passed("a.B", "t")), report("Tomcat 11", passed("a.C", "t")));
        assertEquals("Tomcat 10", results.containerName());
        assertTrue(problems.all().get(0).contains("'Tomcat 10' and 'Tomcat 11'"), problems.all()::toString);
    }

    @Test
    void aMissingDirectoryGivesNoResults() {
        RunnerResults results = new ResultsReader(new Locations(root), problems)
                .read(new Runner("run-y", root.resolve("nowhere"), root.resolve("none")));
        assertTrue(results.isEmpty());
        assertTrue(problems.isEmpty());
    }
}
