package dev.holdline.tck.report;

import dev.holdline.tck.api.CapabilityCondition;
import dev.holdline.tck.api.Observations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a runner's surefire/failsafe XML reports ({@code TEST-*.xml}). A file that cannot be parsed
 * becomes a problem and the other files are still read: one broken report must not hide the rest.
 */
final class ResultsReader {

    private static final String REPORT_GLOB = "TEST-*.xml";

    private final Locations locations;
    private final Problems problems;

    ResultsReader(Locations locations, Problems problems) {
        this.locations = locations;
        this.problems = problems;
    }

    RunnerResults read(Runner runner) {
        List<TestResult> results = new ArrayList<>();
        String containerName = null;
        for (Path file : reportFiles(runner.resultsDir())) {
            Document document;
            try {
                document = parse(file);
            } catch (SAXParseException e) {
                problems.add("Cannot read " + locations.display(file) + ": malformed XML at line " + e.getLineNumber()
                        + ", column " + e.getColumnNumber() + ": " + e.getMessage());
                continue;
            } catch (SAXException | IOException e) {
                problems.add("Cannot read " + locations.display(file) + ": " + locations.describe(e));
                continue;
            }
            String named = containerProperty(document);
            if (named != null) {
                if (containerName == null) {
                    containerName = named;
                } else if (!containerName.equals(named)) {
                    problems.add("Runner " + runner.name() + " names its container both '" + containerName + "' and '"
                            + named + "' (" + locations.display(file) + "); the report uses '" + containerName + "'");
                }
            }
            readTestCases(document, results);
        }
        return new RunnerResults(runner, containerName != null ? containerName : runner.name(), results);
    }

    /** The report files of a directory in name order, so that "first" means the same on every run. */
    private List<Path> reportFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, REPORT_GLOB)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            problems.add("Cannot list " + locations.display(dir) + ": " + locations.describe(e));
        }
        files.sort(Comparator.comparing(path -> path.getFileName().toString()));
        return files;
    }

    private static void readTestCases(Document document, List<TestResult> into) {
        NodeList testCases = document.getElementsByTagName("testcase");
        for (int i = 0; i < testCases.getLength(); i++) {
            Element testCase = (Element) testCases.item(i);
            String className = testCase.getAttribute("classname").trim();
            if (className.isEmpty()) {
                continue;
            }
            into.add(new TestResult(className, methodName(className, testCase.getAttribute("name")), outcome(testCase)));
        }
    }

    /**
     * The method name without what JUnit and surefire append per invocation ({@code name()[1]},
     * {@code name(String)[2]}), or {@code null} when the entry names the class itself.
     */
    static String methodName(String className, String reportedName) {
        String name = reportedName;
        int cut = name.length();
        int paren = name.indexOf('(');
        int bracket = name.indexOf('[');
        if (paren >= 0) {
            cut = paren;
        }
        if (bracket >= 0 && bracket < cut) {
            cut = bracket;
        }
        name = name.substring(0, cut).trim();
        String simpleName = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
        if (name.isEmpty() || name.equals(className) || name.equals(simpleName)) {
            return null;
        }
        return name;
    }

    private static TestOutcome outcome(Element testCase) {
        Element skipped = null;
        for (Node child = testCase.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            // flakyFailure / flakyError mean a rerun passed: the test counts as passed.
            switch (child.getNodeName()) {
                case "failure", "error" -> {
                    return TestOutcome.FAILED;
                }
                case "skipped" -> skipped = (Element) child;
                default -> {
                }
            }
        }
        if (skipped == null) {
            return TestOutcome.PASSED;
        }
        String reason = skipped.hasAttribute("message") ? skipped.getAttribute("message") : skipped.getTextContent();
        return reason.strip().startsWith(CapabilityCondition.NOT_APPLICABLE) ? TestOutcome.NOT_APPLICABLE : TestOutcome.SKIPPED;
    }

    private static String containerProperty(Document document) {
        NodeList properties = document.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (Observations.CONTAINER_PROPERTY.equals(property.getAttribute("name"))) {
                String value = property.getAttribute("value").strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static Document parse(Path file) throws IOException, SAXException {
        DocumentBuilder builder = newBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            return builder.parse(in);
        }
    }

    /**
     * A parser that reads no DTD and resolves no external entity: reports come from test JVMs, and
     * a vendor's may come from anywhere.
     */
    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The default handler prints "[Fatal Error]" lines to stderr; the problem is reported instead.
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException exception) {
                }

                @Override
                public void error(SAXParseException exception) throws SAXException {
                    throw exception;
                }

                @Override
                public void fatalError(SAXParseException exception) throws SAXException {
                    throw exception;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser does not support secure processing", e);
        }
    }
}
