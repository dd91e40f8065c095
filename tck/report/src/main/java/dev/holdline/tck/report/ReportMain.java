package dev.holdline.tck.report;

import java.io.IOException;
import java.io.PrintStream;
import java.util.function.Predicate;

/**
 * Command line entry point of the conformance report; run {@code --help} for the options. The build
 * runs it with exec-maven-plugin in the {@code verify} phase of {@code tck/report}, after the runners.
 */
public final class ReportMain {

    static final int OK = 0;
    static final int PROBLEMS = 1;
    static final int USAGE = 2;
    static final int CANNOT_WRITE = 3;

    private ReportMain() {
    }

    /**
     * Runs the report and exits with a non-zero status on failure; see {@link ReportOptions#USAGE}.
     *
     * @param args options and the repository root
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err, ReportMain.class.getClassLoader(), className -> true);
        // Exiting with 0 is left to the JVM: inside Maven (exec:java) that is the only polite way.
        if (status != OK) {
            System.exit(status);
        }
    }

    /** The whole run, with the streams and class lookup made replaceable for tests. */
    static int run(String[] args, PrintStream out, PrintStream err, ClassLoader loader, Predicate<String> suiteClasses) {
        ReportOptions options;
        try {
            options = ReportOptions.parse(args);
        } catch (UsageException e) {
            err.println("holdline-tck-report: " + e.getMessage());
            err.println("Run with --help for the options.");
            return USAGE;
        }
        if (options == null) {
            out.println(ReportOptions.USAGE);
            return OK;
        }
        Report.Summary summary;
        try {
            summary = new Report(options, loader, suiteClasses).run();
        } catch (UsageException e) {
            err.println("holdline-tck-report: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("holdline-tck-report: cannot write the report: " + e);
            return CANNOT_WRITE;
        }
        printSummary(out, options, summary);
        return options.failOnProblems() && !summary.problems().isEmpty() ? PROBLEMS : OK;
    }

    private static void printSummary(PrintStream out, ReportOptions options, Report.Summary summary) {
        Locations locations = new Locations(options.root());
        out.println("Holdline conformance: " + summary.assertions() + " assertions (" + summary.uncovered()
                + " uncovered) on " + (summary.containers().isEmpty() ? "no container" : String.join(", ", summary.containers()))
                + (summary.runnersWithoutResults().isEmpty() ? "" : "; no results from " + String.join(", ", summary.runnersWithoutResults())));
        out.println("  " + locations.display(options.conformance()) + ": " + summary.conformance().description);
        out.println("  " + locations.display(options.containers()) + ": " + summary.containersPage().description);
        if (!summary.problems().isEmpty()) {
            out.println("  " + summary.problems().size() + " problem(s), listed in " + locations.display(options.conformance())
                    + (summary.conformance() == Report.Written.KEPT ? " once it is regenerated" : "") + ":");
            summary.problems().forEach(problem -> out.println("  - " + problem));
        }
    }
}
