package dev.holdline.tck.report;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of the report reads and writes, parsed from the command line. Paths default to the
 * layout of the Holdline repository under {@code root}.
 *
 * @param root           the repository root
 * @param results        runner name to reports directory, from {@code --results}
 * @param observations   runner name to observations file, from {@code --observations}
 * @param discover       whether to look for runners under {@code root/tck/run-*}
 * @param specDir        the spec directory
 * @param suite          jars or class directories of the suite; empty to find it on the class path
 * @param conformance    the conformance page to write
 * @param containers     the page that holds the observation table
 * @param failOnProblems whether listed problems make the exit status non-zero
 */
record ReportOptions(Path root, Map<String, Path> results, Map<String, Path> observations, boolean discover,
        Path specDir, List<Path> suite, Path conformance, Path containers, boolean failOnProblems) {

    static final String USAGE = String.join("\n",
            "Usage: java -cp <report and suite class path> dev.holdline.tck.report.ReportMain [options] [ROOT]",
            "",
            "Joins the TCK runners' results with the @Assertion ids of the suite and the assertions of",
            "docs/spec/*.md into docs/conformance.md, and writes the observation table of docs/containers.md.",
            "",
            "  ROOT                      repository root (default: the current directory)",
            "  --results NAME=DIR        a runner's surefire/failsafe reports directory (TEST-*.xml), e.g. a",
            "                            vendor's own runner; repeatable. Runners are also found as",
            "                            ROOT/tck/run-*/target/failsafe-reports; NAME replaces one of those.",
            "  --observations NAME=FILE  the observations.properties of runner NAME (default: the runner's",
            "                            ../holdline-observations/observations.properties); repeatable",
            "  --no-discovery            do not look under ROOT/tck/run-*: report only the --results given",
            "  --spec DIR                spec directory (default: ROOT/docs/spec)",
            "  --suite PATH              jar or class directory of the TCK suite; repeatable (default: found",
            "                            on the class path)",
            "  --conformance FILE        page to write (default: ROOT/docs/conformance.md)",
            "  --containers FILE         page holding the observation table between the lines",
            "                            " + ObservationsWriter.BEGIN + " and " + ObservationsWriter.END,
            "                            (default: ROOT/docs/containers.md)",
            "  --fail-on-problems        exit with status 1 when the report lists problems",
            "  -h, --help                show this help",
            "",
            "A page is left as it is when no runner has results (or observations) for it, so that a build",
            "that skipped the TCK does not wipe it.",
            "Exit status: 0 done, 1 problems (with --fail-on-problems), 2 usage error, 3 cannot write.");

    /**
     * Parses the arguments; {@code null} means help was asked for.
     *
     * @throws UsageException for an unknown option, a missing or malformed value
     */
    static ReportOptions parse(String[] args) throws UsageException {
        Path root = null;
        Map<String, Path> results = new LinkedHashMap<>();
        Map<String, Path> observations = new LinkedHashMap<>();
        boolean discover = true;
        Path specDir = null;
        List<Path> suite = new ArrayList<>();
        Path conformance = null;
        Path containers = null;
        boolean failOnProblems = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg;
            String inlineValue = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                option = arg.substring(0, arg.indexOf('='));
                inlineValue = arg.substring(arg.indexOf('=') + 1);
            }
            switch (option) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--no-discovery" -> discover = false;
                case "--fail-on-problems" -> failOnProblems = true;
                case "--results", "--observations", "--spec", "--suite", "--conformance", "--containers" -> {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new UsageException(option + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (value.isBlank()) {
                        throw new UsageException(option + " needs a value");
                    }
                    switch (option) {
                        case "--results" -> putNamed(results, option, value, "DIR");
                        case "--observations" -> putNamed(observations, option, value, "FILE");
                        case "--spec" -> specDir = path(option, value);
                        case "--suite" -> suite.add(path(option, value));
                        case "--conformance" -> conformance = path(option, value);
                        default -> containers = path(option, value);
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("Unknown option " + arg);
                    }
                    if (root != null) {
                        throw new UsageException("Only one ROOT may be given, found " + root + " and " + arg);
                    }
                    root = path("ROOT", arg);
                }
            }
        }
        if (root == null) {
            root = Paths.get("");
        }
        root = root.toAbsolutePath().normalize();
        return new ReportOptions(root, results, observations, discover,
                specDir != null ? specDir : root.resolve("docs").resolve("spec"),
                suite,
                conformance != null ? conformance : root.resolve("docs").resolve("conformance.md"),
                containers != null ? containers : root.resolve("docs").resolve("containers.md"),
                failOnProblems);
    }

    private static void putNamed(Map<String, Path> into, String option, String value, String what) throws UsageException {
        int equals = value.indexOf('=');
        if (equals <= 0 || equals == value.length() - 1) {
            throw new UsageException(option + " expects NAME=" + what + ", found '" + value + "'");
        }
        String name = value.substring(0, equals).strip();
        if (into.put(name, path(option, value.substring(equals + 1))) != null) {
            throw new UsageException(option + " names runner '" + name + "' twice");
        }
    }

    private static Path path(String option, String value) throws UsageException {
        try {
            return Paths.get(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": not a valid path: '" + value + "'");
        }
    }
}
