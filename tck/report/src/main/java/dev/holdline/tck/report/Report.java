package dev.holdline.tck.report;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One run of the report: reads the runners, the suite and the spec, and writes both pages. Pages are
 * only rewritten when their content changes.
 */
final class Report {

    /** What happened to one output page. */
    enum Written {
        WRITTEN("written"),
        UNCHANGED("unchanged"),
        KEPT("left as it is: nothing to put in it"),
        FAILED("not updated, see the problems");

        final String description;

        Written(String description) {
            this.description = description;
        }
    }

    /** A summary of the run, for the command line. */
    record Summary(List<String> containers, List<String> runnersWithoutResults, int assertions, int uncovered,
            List<String> problems, Written conformance, Written containersPage) {
    }

    private static final System.Logger LOG = System.getLogger(Report.class.getName());
    private static final int TESTS_LISTED_PER_UNKNOWN_ID = 5;

    private final ReportOptions options;
    private final ClassLoader loader;
    private final Predicate<String> suiteClasses;
    private final Locations locations;
    private final Problems problems = new Problems();

    /**
     * @param loader       where the suite's test classes are loaded from
     * @param suiteClasses which classes of the suite locations to inspect; tests point it at a fixture package
     */
    Report(ReportOptions options, ClassLoader loader, Predicate<String> suiteClasses) {
        this.options = options;
        this.loader = loader;
        this.suiteClasses = suiteClasses;
        this.locations = new Locations(options.root());
    }

    /**
     * @throws UsageException when the root holds nothing to report on, which usually means a wrong ROOT
     * @throws IOException    when a page cannot be written
     */
    Summary run() throws UsageException, IOException {
        List<Runner> runners = RunnerDiscovery.runners(options);
        if (runners.isEmpty() && !Files.isDirectory(options.specDir())) {
            throw new UsageException("Nothing to report in " + options.root() + ": it has neither "
                    + locations.display(options.specDir()) + " nor tck/" + RunnerDiscovery.RUNNER_PREFIX
                    + "* and no --results were given. Is it the repository root?");
        }

        ResultsReader resultsReader = new ResultsReader(locations, problems);
        List<RunnerResults> reported = new ArrayList<>();
        List<Runner> withoutResults = new ArrayList<>();
        for (Runner runner : runners) {
            LOG.log(Level.DEBUG, "Reading results of {0} from {1}", runner.name(), runner.resultsDir());
            if (!Files.isDirectory(runner.resultsDir()) && options.results().containsKey(runner.name())) {
                problems.add("Results directory " + locations.display(runner.resultsDir()) + " of runner " + runner.name()
                        + " does not exist");
            }
            RunnerResults results = resultsReader.read(runner);
            if (results.isEmpty()) {
                withoutResults.add(runner);
            } else {
                reported.add(results);
            }
        }
        List<String> titles = uniqueTitles(reported.stream().map(RunnerResults::containerName).toList(),
                reported.stream().map(r -> r.runner().name()).toList());

        TestCatalog catalog = new TestCatalog(loader, problems);
        SortedMap<TestId, Set<String>> idsByTest = new TreeMap<>();
        List<ContainerResults> columns = new ArrayList<>();
        for (int i = 0; i < reported.size(); i++) {
            SortedSet<String> ownClasses = new TreeSet<>(NaturalOrder.INSTANCE);
            columns.add(new ContainerResults(titles.get(i), reported.get(i).runner().name(),
                    outcomes(reported.get(i), catalog, idsByTest, ownClasses), ownClasses));
        }
        scanSuite(reported, catalog, idsByTest);

        List<SpecFile> specs = new SpecReader(locations, problems).read(options.specDir());
        ConformanceMatrix matrix = ConformanceMatrix.build(specs, idsByTest, columns);
        matrix.unknownIds().forEach((id, tests) -> problems.add("Assertion id " + id
                + " is named by tests but defined in no spec file: " + listed(tests)));

        // Observations come before the conformance page so that their problems are listed on it.
        Map<String, String> titleByRunner = new HashMap<>();
        for (int i = 0; i < reported.size(); i++) {
            titleByRunner.put(reported.get(i).runner().name(), titles.get(i));
        }
        List<ContainerObservations> observations = observations(runners, titleByRunner);
        Optional<String> containersPage = containersPage(observations);

        String conformance = new ConformanceWriter(locations).render(matrix, withoutResults, problems.all());
        Written conformanceWritten = columns.isEmpty() && Files.exists(options.conformance())
                ? Written.KEPT
                : write(options.conformance(), conformance);
        Written containersWritten;
        if (containersPage.isEmpty()) {
            containersWritten = Written.FAILED;
        } else if (observations.isEmpty() && Files.exists(options.containers())) {
            containersWritten = Written.KEPT;
        } else {
            containersWritten = write(options.containers(), containersPage.get());
        }
        return new Summary(titles, withoutResults.stream().map(Runner::name).toList(), matrix.assertionCount(),
                matrix.uncovered().size(), problems.all(), conformanceWritten, containersWritten);
    }

    /**
     * A runner's outcomes per test; an entry for a whole class counts for each of its test methods.
     * Every test met is added to {@code idsByTest} with its ids.
     */
    private SortedMap<TestId, List<TestOutcome>> outcomes(RunnerResults results, TestCatalog catalog,
            Map<TestId, Set<String>> idsByTest, Set<String> ownClasses) {
        SortedMap<TestId, List<TestOutcome>> outcomes = new TreeMap<>();
        for (TestResult result : results.results()) {
            if (isRunnersOwn(results.runner(), result.className())) {
                // Kept for the list of failing tests, but not looked up: it is not in the suite.
                ownClasses.add(result.className());
                if (!result.isClassLevel()) {
                    outcomes.computeIfAbsent(new TestId(result.className(), result.methodName()), key -> new ArrayList<>())
                            .add(result.outcome());
                }
            } else if (result.isClassLevel()) {
                catalog.testsOf(result.className()).ifPresent(tests -> tests.forEach((method, ids) -> {
                    TestId test = new TestId(result.className(), method);
                    idsByTest.put(test, ids);
                    outcomes.computeIfAbsent(test, key -> new ArrayList<>()).add(result.outcome());
                }));
            } else {
                TestId test = new TestId(result.className(), result.methodName());
                catalog.idsOf(test).ifPresent(ids -> idsByTest.put(test, ids));
                outcomes.computeIfAbsent(test, key -> new ArrayList<>()).add(result.outcome());
            }
        }
        return outcomes;
    }

    /** Whether the runner compiled the class itself, next to its reports, rather than taking it from the suite. */
    private static boolean isRunnersOwn(Runner runner, String className) {
        Path target = runner.resultsDir().toAbsolutePath().getParent();
        return target != null && Files.isRegularFile(
                target.resolve("test-classes").resolve(className.replace('.', '/') + ".class"));
    }

    /** Adds the suite's tests that no runner reported, so that uncovered and id-less tests show. */
    private void scanSuite(List<RunnerResults> reported, TestCatalog catalog, Map<TestId, Set<String>> idsByTest) {
        List<Path> roots = options.suite();
        if (roots.isEmpty()) {
            Set<String> reportedClasses = new LinkedHashSet<>();
            reported.forEach(results -> results.results().forEach(result -> reportedClasses.add(result.className())));
            roots = SuiteScanner.locate(loader, reportedClasses);
            if (roots.isEmpty()) {
                problems.add("The TCK suite was not found on the class path: tests that no runner reported are missing"
                        + " from this page; give its jar with --suite");
            }
        }
        SuiteScanner scanner = new SuiteScanner(locations, problems);
        for (Path root : roots) {
            LOG.log(Level.DEBUG, "Scanning suite classes in {0}", root);
            for (String className : scanner.classNames(root)) {
                if (suiteClasses.test(className)) {
                    catalog.testsOfSuiteClass(className).forEach(
                            (method, ids) -> idsByTest.putIfAbsent(new TestId(className, method), ids));
                }
            }
        }
    }

    private List<ContainerObservations> observations(List<Runner> runners, Map<String, String> titleByRunner) {
        ObservationsReader reader = new ObservationsReader(locations, problems);
        List<ContainerObservations> found = new ArrayList<>();
        List<String> runnerNames = new ArrayList<>();
        for (Runner runner : runners) {
            reader.read(runner.observationsFile(), titleByRunner.get(runner.name()), runner.name()).ifPresent(read -> {
                found.add(read);
                runnerNames.add(runner.name());
            });
        }
        List<String> titles = uniqueTitles(found.stream().map(ContainerObservations::title).toList(), runnerNames);
        List<ContainerObservations> columns = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            columns.add(new ContainerObservations(titles.get(i), found.get(i).entries()));
        }
        return columns;
    }

    /** The containers page with a fresh table, or empty (and a problem) when its markers are unusable. */
    private Optional<String> containersPage(List<ContainerObservations> observations) throws IOException {
        ObservationsWriter writer = new ObservationsWriter();
        Path file = options.containers();
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        try {
            return Optional.of(writer.splice(existing, writer.table(observations)));
        } catch (IllegalArgumentException e) {
            problems.add("Cannot update the observation table of " + locations.display(file) + ": " + e.getMessage()
                    + "; the file was left as it is");
            return Optional.empty();
        }
    }

    private static Written write(Path file, String content) throws IOException {
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            return Written.UNCHANGED;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return Written.WRITTEN;
    }

    /** Column titles must differ; two runners of the same container get their runner's name added. */
    static List<String> uniqueTitles(List<String> titles, List<String> runnerNames) {
        List<String> unique = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i);
            boolean clash = titles.indexOf(title) != titles.lastIndexOf(title);
            unique.add(clash && !title.equals(runnerNames.get(i)) ? title + " (" + runnerNames.get(i) + ")" : title);
        }
        return unique;
    }

    private static String listed(SortedSet<TestId> tests) {
        List<String> shown = new ArrayList<>();
        for (TestId test : tests) {
            if (shown.size() == TESTS_LISTED_PER_UNKNOWN_ID) {
                shown.add("and " + (tests.size() - TESTS_LISTED_PER_UNKNOWN_ID) + " more");
                break;
            }
            shown.add(Markdown.code(test.toString()));
        }
        return String.join(", ", shown);
    }
}
