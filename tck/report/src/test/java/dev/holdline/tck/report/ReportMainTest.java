package dev.holdline.tck.report;

import static dev.holdline.tck.report.Fixtures.DERIVED;
import static dev.holdline.tck.report.Fixtures.PARKING;
import static dev.holdline.tck.report.Fixtures.UNANNOTATED;
import static dev.holdline.tck.report.Fixtures.errored;
import static dev.holdline.tck.report.Fixtures.failed;
import static dev.holdline.tck.report.Fixtures.passed;
import static dev.holdline.tck.report.Fixtures.read;
import static dev.holdline.tck.report.Fixtures.report;
import static dev.holdline.tck.report.Fixtures.skipped;
import static dev.holdline.tck.report.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMainTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return ReportMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), getClass().getClassLoader(), Fixtures.ONLY_FIXTURES);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path conformance() {
        return root.resolve("docs/conformance.md");
    }

    @BeforeEach
    void repository() {
        write(root.resolve("docs/spec/container.md"), Fixtures.SPEC);
        write(Fixtures.reportsDir(root, "run-tomcat").resolve("TEST-parking.xml"), report("Tomcat 10.1.59",
                passed(PARKING, "parks"),
                passed(PARKING, "timesOut(String)[1]"),
                failed(PARKING, "timesOut(String)[2]"),
                passed(PARKING, "repeats()[1]"),
                passed(PARKING, "repeats()[2]"),
                passed(PARKING, "onlyClassIds")));
        write(Fixtures.reportsDir(root, "run-tomcat").resolve("TEST-others.xml"), report("Tomcat 10.1.59",
                skipped(DERIVED, "", "not applicable: container lacks undeploy"),
                passed(UNANNOTATED, "forgotten"),
                passed(UNANNOTATED, "unknownId"),
                passed("gone.RemovedTest", "t"),
                failed("tomcat.SmokeIT", "starts")));
        // A test of the runner's own: compiled by the runner, not part of the suite.
        write(root.resolve("tck/run-tomcat/target/test-classes/tomcat/SmokeIT.class"), "not really bytecode");
        write(Fixtures.reportsDir(root, "run-undertow").resolve("TEST-all.xml"), report("Undertow 2.3.20.Final",
                errored(PARKING, "parks"),
                passed(DERIVED, "inherited"),
                skipped(DERIVED, "undeploys", "void undeploys() is @Disabled")));
        write(Fixtures.reportsDir(root, "run-undertow").resolve("TEST-broken.xml"), "<testsuite><testcase name=");
        write(root.resolve("tck/run-payara/pom.xml"), "<project/>");
    }

    @Test
    void writesTheMatrix() {
        assertEquals(ReportMain.OK, run(root.toString()));
        assertEquals("", err());
        String page = read(conformance());
        assertTrue(page.contains("""
                | Id | Assertion | Tomcat 10.1.59 | Undertow 2.3.20.Final |
                |---|---|---|---|
                | CT-1.1 | A parked request \\| completed later delivers what was written. | pass | fail |
                | CT-1.2 | `AsyncContext.setTimeout(t)` is honoured: with no completion, onTimeout is called no earlier than `t`. | fail | not run |
                | CT-1.10 | Repeated checks agree. | pass | not run |
                | CT-2.1 | Inherited tests count. | n/a | pass |
                | CT-2.2 | Class ids of a subclass count. | n/a | skipped |
                | CT-3.1 | Covered by a test with a typo. | not run | not run |
                | CT-3.2 | Nobody tests this one. | uncovered | uncovered |
                | CT-4.1 | Undeploying is not applicable everywhere. | n/a | skipped |
                | CT-9.1 | Ids on the class apply to every test. | fail | fail |
                """), page);
        assertTrue(page.contains("""
                | Container | pass | fail | n/a | skipped | not run | uncovered |
                |---|---:|---:|---:|---:|---:|---:|
                | Tomcat 10.1.59 | 2 | 2 | 3 | 0 | 1 | 1 |
                | Undertow 2.3.20.Final | 1 | 2 | 0 | 2 | 3 | 1 |
                """), page);
        assertTrue(page.contains("## Uncovered assertions\n\n- **CT-3.2** (`docs/spec/container.md`) Nobody tests this one.\n"),
                page);
        assertTrue(page.contains("## Tests without assertion ids\n\n- `" + UNANNOTATED + "#forgotten`\n\n"), page);
        assertTrue(page.contains("### Tomcat 10.1.59\n\n- `" + PARKING + "#timesOut`\n- `tomcat.SmokeIT#starts`\n"), page);
        assertTrue(page.contains("Not in the matrix: the runners' own tests, outside the suite: `run-tomcat` (1 class).\n"), page);
        assertFalse(page.contains("Test class tomcat.SmokeIT"), page);
        assertTrue(page.contains("### Undertow 2.3.20.Final\n\n- `" + PARKING + "#parks`\n"), page);
        assertTrue(page.contains("Not shown, for lack of results: `run-payara` (no readable TEST-*.xml in "
                + "`tck/run-payara/target/failsafe-reports`)."), page);
    }

    @Test
    void listsProblemsInsteadOfFailing() {
        assertEquals(ReportMain.OK, run(root.toString()));
        String problems = read(conformance()).substring(read(conformance()).indexOf("## Problems"));
        assertTrue(problems.contains("- Assertion id ZZ-1.1 is named by tests but defined in no spec file: `" + UNANNOTATED
                + "#unknownId`\n"), problems);
        assertTrue(problems.contains("- Cannot read tck/run-undertow/target/failsafe-reports/TEST-broken.xml: malformed XML"),
                problems);
        assertTrue(problems.contains("- Test class gone.RemovedTest is not on the report's class path"), problems);
        assertTrue(problems.contains("- Malformed assertion id 'ct-1' on "), problems);
        assertFalse(problems.contains("Exception\n\tat "), problems);
        assertTrue(out().contains("4 problem(s)"), out());
        assertEquals(ReportMain.PROBLEMS, run(root.toString(), "--fail-on-problems"));
    }

    @Test
    void regeneratingFromTheSameResultsChangesNothingWhereverTheRepositoryIs(@TempDir Path elsewhere) throws IOException {
        assertEquals(ReportMain.OK, run(root.toString()));
        byte[] first = Files.readAllBytes(conformance());
        assertEquals(ReportMain.OK, run(root.toString()));
        assertTrue(out().contains("docs/conformance.md: unchanged"), out());
        assertEquals(new String(first, StandardCharsets.UTF_8), read(conformance()));

        Path copy = elsewhere.resolve("checkout");
        copyTree(root, copy);
        Files.delete(copy.resolve("docs/conformance.md"));
        assertEquals(ReportMain.OK, run(copy.toString()));
        assertEquals(new String(first, StandardCharsets.UTF_8), read(copy.resolve("docs/conformance.md")));
    }

    @Test
    void writesTheObservationTableKeepingTheProse() throws IOException {
        Path file = root.resolve("tck/run-tomcat/target/holdline-observations/observations.properties");
        Properties properties = new Properties();
        properties.setProperty("disconnect.listener.question", "Client disconnects from a parked request");
        properties.setProperty("disconnect.listener.answer", "onError after 12 ms | then onComplete");
        Files.createDirectories(file.getParent());
        try (OutputStream stream = Files.newOutputStream(file)) {
            properties.store(stream, "Holdline container observations: Tomcat 10.1.59");
        }
        Path containers = root.resolve("docs/containers.md");
        assertEquals(ReportMain.OK, run(root.toString()));
        assertEquals("# Containers\n\n" + ObservationsWriter.BEGIN + "\n"
                + "<!-- Generated by tck/report from each runner's observations.properties; edits here are overwritten. -->\n\n"
                + "| Question | Tomcat 10.1.59 |\n|---|---|\n"
                + "| Client disconnects from a parked request | onError after 12 ms \\| then onComplete |\n\n"
                + ObservationsWriter.END + "\n", read(containers));

        String withProse = read(containers).replace("# Containers\n", "# Containers\n\nWhat we saw.\n") + "\nAfterwards.\n";
        write(containers, withProse);
        assertEquals(ReportMain.OK, run(root.toString()));
        assertEquals(withProse, read(containers));
        assertTrue(out().contains("docs/containers.md: unchanged"), out());
    }

    @Test
    void leavesPagesAloneWhenTheTckDidNotRun() {
        deleteTree(root.resolve("tck"));
        write(root.resolve("tck/run-tomcat/pom.xml"), "<project/>");
        write(conformance(), "committed page\n");
        write(root.resolve("docs/containers.md"), "committed containers\n");
        assertEquals(ReportMain.OK, run(root.toString()));
        assertEquals("committed page\n", read(conformance()));
        assertEquals("committed containers\n", read(root.resolve("docs/containers.md")));
        assertTrue(out().contains("docs/conformance.md: left as it is"), out());
    }

    @Test
    void acceptsAVendorsResultsDirectory(@TempDir Path vendor) {
        Path results = vendor.resolve("target/failsafe-reports");
        write(results.resolve("TEST-x.xml"), report(null, passed(PARKING, "parks")));
        assertEquals(ReportMain.OK, run("--no-discovery", "--results", "acme=" + results, "--conformance",
                vendor.resolve("conformance.md").toString(), "--containers", vendor.resolve("containers.md").toString(),
                root.toString()));
        String page = read(vendor.resolve("conformance.md"));
        assertTrue(page.contains("| Id | Assertion | acme |\n"), page);
        assertTrue(page.contains("| CT-1.1 | A parked request \\| completed later delivers what was written. | pass |\n"), page);
        assertFalse(Files.exists(conformance()));
    }

    @Test
    void explainsUsageErrors() {
        assertEquals(ReportMain.USAGE, run("--bogus"));
        assertTrue(err().contains("Unknown option --bogus"), err());
        assertEquals(ReportMain.USAGE, run("--results", "no-equals-sign"));
        assertTrue(err().contains("--results expects NAME=DIR, found 'no-equals-sign'"), err());
        assertEquals(ReportMain.USAGE, run("--spec"));
        assertTrue(err().contains("--spec needs a value"), err());
        assertEquals(ReportMain.USAGE, run("a", "b"));
        assertEquals(ReportMain.USAGE, run(root.toString(), "--observations", "nobody=x.properties"));
        assertTrue(err().contains("--observations names runner 'nobody'"), err());
        assertEquals(ReportMain.OK, run("--help"));
        assertTrue(out().startsWith("Usage: "), out());
    }

    @Test
    void refusesARootWithNothingToReport(@TempDir Path empty) {
        assertEquals(ReportMain.USAGE, run(empty.toString()));
        assertTrue(err().contains("Is it the repository root?"), err());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
