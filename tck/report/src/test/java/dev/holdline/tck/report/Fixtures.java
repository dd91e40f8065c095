package dev.holdline.tck.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/** Builds repository-shaped directories with XML reports, spec files and observations for tests. */
final class Fixtures {

    static final String FIXTURE_PACKAGE = "dev.holdline.tck.report.fixture.";
    static final String PARKING = FIXTURE_PACKAGE + "ParkingChecks";
    static final String UNANNOTATED = FIXTURE_PACKAGE + "UnannotatedChecks";
    static final String DERIVED = FIXTURE_PACKAGE + "DerivedChecks";
    static final Predicate<String> ONLY_FIXTURES = name -> name.startsWith(FIXTURE_PACKAGE);

    static final String SPEC = """
            # Container baseline (CT)

            Prose before the list, with a **bold** word.

            ## CT-1 Asynchronous servlets
            - **CT-1.10** Repeated checks agree.
            - **CT-1.2** `AsyncContext.setTimeout(t)` is honoured: with no completion, onTimeout is called
              no earlier than `t`.
            - **CT-1.1** A parked request | completed later delivers what was written.

            ## CT-2 CDI
            - **CT-2.1** Inherited tests count.
            - **CT-2.2** Class ids of a subclass count.

            ## CT-3 Libraries
            - **CT-3.1** Covered by a test with a typo.
            - **CT-3.2** Nobody tests this one.

            ## CT-4 Undeploy
            - **CT-4.1** Undeploying is not applicable everywhere.

            ## CT-9 Class level
            - **CT-9.1** Ids on the class apply to every test.
            """;

    private Fixtures() {
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path reportsDir(Path root, String runner) {
        return root.resolve("tck").resolve(runner).resolve("target").resolve("failsafe-reports");
    }

    /** A surefire-style report; {@code container} may be null for a JVM that did not set the property. */
    static String report(String container, String... testCases) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" name=\"suite\" time=\"1.5\" tests=\""
                + testCases.length + "\" errors=\"0\" skipped=\"0\" failures=\"0\">\n  <properties>\n"
                + "    <property name=\"java.version\" value=\"17\"/>\n");
        if (container != null) {
            xml.append("    <property name=\"holdline.tck.container\" value=\"").append(container).append("\"/>\n");
        }
        xml.append("  </properties>\n");
        for (String testCase : testCases) {
            xml.append("  ").append(testCase).append('\n');
        }
        return xml.append("</testsuite>\n").toString();
    }

    static String passed(String className, String name) {
        return "<testcase name=\"" + name + "\" classname=\"" + className + "\" time=\"0.01\"/>";
    }

    static String failed(String className, String name) {
        return "<testcase name=\"" + name + "\" classname=\"" + className + "\" time=\"0.2\">"
                + "<failure message=\"expected 200 but was 500\" type=\"java.lang.AssertionError\">trace</failure></testcase>";
    }

    static String errored(String className, String name) {
        return "<testcase name=\"" + name + "\" classname=\"" + className + "\" time=\"0.2\">"
                + "<error message=\"Connection refused\" type=\"java.net.ConnectException\">trace</error></testcase>";
    }

    static String skipped(String className, String name, String message) {
        return "<testcase name=\"" + name + "\" classname=\"" + className + "\" time=\"0\"><skipped message=\"" + message
                + "\"/></testcase>";
    }
}
