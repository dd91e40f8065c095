package dev.holdline.tck.report;

import static dev.holdline.tck.report.Fixtures.DERIVED;
import static dev.holdline.tck.report.Fixtures.FIXTURE_PACKAGE;
import static dev.holdline.tck.report.Fixtures.PARKING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCatalogTest {

    private final Problems problems = new Problems();
    private final TestCatalog catalog = new TestCatalog(getClass().getClassLoader(), problems);

    @Test
    void methodIdsIncludeTheClassIds() {
        assertEquals(Optional.of(Set.of("CT-1.1", "CT-9.1")), catalog.idsOf(new TestId(PARKING, "parks")));
        assertEquals(Optional.of(Set.of("CT-9.1")), catalog.idsOf(new TestId(PARKING, "onlyClassIds")));
    }

    @Test
    void findsEveryKindOfTestMethodAndNothingElse() {
        assertEquals(Map.of(
                        "parks", Set.of("CT-1.1", "CT-9.1"),
                        "timesOut", Set.of("CT-1.2", "CT-9.1"),
                        "repeats", Set.of("CT-1.10", "CT-9.1"),
                        "onlyClassIds", Set.of("CT-9.1")),
                catalog.testsOf(PARKING).orElseThrow());
    }

    @Test
    void inheritedTestsGetTheIdsOfTheClassThatRan() {
        assertEquals(Map.of(
                        "inherited", Set.of("CT-2.1", "CT-2.2"),
                        "undeploys", Set.of("CT-2.2", "CT-4.1")),
                catalog.testsOf(DERIVED).orElseThrow());
    }

    @Test
    void abstractClassesAreNotRunOnTheirOwn() {
        assertTrue(catalog.testsOfSuiteClass(FIXTURE_PACKAGE + "BaseChecks").isEmpty());
        assertEquals(2, catalog.testsOfSuiteClass(DERIVED).size());
    }

    @Test
    void aMalformedIdIsAProblemAndTheOthersAreKept() {
        assertEquals(Optional.of(Set.of("CT-3.1")), catalog.idsOf(new TestId(FIXTURE_PACKAGE + "MalformedChecks", "typo")));
        assertEquals(1, problems.size());
        assertTrue(problems.all().get(0).startsWith("Malformed assertion id 'ct-1' on void "), problems.all()::toString);
    }

    @Test
    void unknownClassesAndMethodsAreProblems() {
        assertEquals(Optional.empty(), catalog.idsOf(new TestId("no.such.Test", "t")));
        assertEquals(Optional.empty(), catalog.idsOf(new TestId(PARKING, "vanished")));
        assertEquals(List.of(
                "Test class no.such.Test is not on the report's class path (is it in the suite jar, a dependency of tck/report?)",
                "Test method " + PARKING + "#vanished from the results does not exist in the class on the report's class path"
                        + " (is the suite jar out of date?)"), problems.all());
    }

    @Test
    void aReportedMethodWithoutAKnownTestAnnotationStillGivesItsIds() {
        assertEquals(Optional.of(Set.of("CT-9.1")), catalog.idsOf(new TestId(PARKING, "helper")));
        assertTrue(problems.isEmpty());
    }

    @Test
    void aSuiteClassThatCannotBeLoadedIsAProblemOnlyIfItCouldBeATest(@TempDir Path classes) throws Exception {
        Fixtures.write(classes.resolve("src/missing/Base.java"), "package missing; public class Base {}");
        Fixtures.write(classes.resolve("src/suite/HelperServlet.java"), "package suite; public class HelperServlet extends missing.Base {}");
        Fixtures.write(classes.resolve("src/suite/BrokenTest.java"), "package suite; public class BrokenTest extends missing.Base {"
                + " @org.junit.jupiter.api.Test void t() {} }");
        Path out = classes.resolve("out");
        String junit = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, "-d", out.toString(), "-cp", junit,
                classes.resolve("src/missing/Base.java").toString(), classes.resolve("src/suite/HelperServlet.java").toString(),
                classes.resolve("src/suite/BrokenTest.java").toString());
        assertEquals(0, status, diagnostics::toString);
        // What a container would provide is missing here, as outside a container.
        Files.delete(out.resolve("missing/Base.class"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
            TestCatalog isolated = new TestCatalog(loader, problems);
            assertTrue(isolated.testsOfSuiteClass("suite.HelperServlet").isEmpty());
            assertTrue(problems.isEmpty(), problems.all()::toString);
            assertTrue(isolated.testsOfSuiteClass("suite.BrokenTest").isEmpty());
            assertEquals(List.of("Test class suite.BrokenTest cannot be loaded: java.lang.NoClassDefFoundError: missing/Base"),
                    problems.all());
        }
    }
}
