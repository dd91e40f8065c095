package dev.holdline.tck.longpoll;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@code node:test} script with Node.js and reads its TAP summary. The TCK needs Node.js 18 or
 * later on the {@code PATH} for LP-9.5: the first version with a global {@code fetch} and the built-in
 * test runner.
 */
final class NodeTestRun {

    /** The oldest Node.js major version with global {@code fetch} and {@code node:test}. */
    static final int MINIMUM_MAJOR = 18;

    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)");

    /**
     * The outcome of one run.
     *
     * @param exitCode the process's exit code
     * @param output   standard output and error, interleaved
     */
    record Result(int exitCode, String output) {

        /** The number after {@code # <name>} in the TAP summary, or -1 when it is missing. */
        int summary(String name) {
            Matcher matcher = Pattern.compile("(?m)^# " + name + " (\\d+)\\s*$").matcher(output);
            int value = -1;
            while (matcher.find()) {
                // The last one: the summary of the whole run comes after any nested output.
                value = Integer.parseInt(matcher.group(1));
            }
            return value;
        }
    }

    private final Path node;
    private final int[] version;

    private NodeTestRun(Path node, int[] version) {
        this.node = node;
        this.version = version;
    }

    /** Finds {@code node} on the {@code PATH} and checks its version; fails the test with advice otherwise. */
    static NodeTestRun locate(Path workDir) throws IOException, InterruptedException {
        Path found = findOnPath().orElse(null);
        if (found == null) {
            fail("LP-9.5 runs the browser module in Node.js, but no 'node' executable is on the PATH ("
                    + System.getenv("PATH") + "). Install Node.js " + MINIMUM_MAJOR + " or later and put it on the PATH.");
        }
        Result run = run(List.of(found.toString(), "--version"), workDir, Map.of(), Duration.ofSeconds(30));
        Matcher matcher = VERSION.matcher(run.output());
        if (run.exitCode() != 0 || !matcher.find()) {
            fail("'" + found + " --version' did not print a version: exit " + run.exitCode() + ", output " + run.output());
        }
        int[] version = {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))};
        if (version[0] < MINIMUM_MAJOR) {
            fail("LP-9.5 needs Node.js " + MINIMUM_MAJOR + " or later (global fetch, node:test); " + found + " is "
                    + matcher.group() + ". Install a newer Node.js and put it first on the PATH.");
        }
        return new NodeTestRun(found, version);
    }

    /** The version, e.g. {@code v20.11.1}. */
    String version() {
        return "v" + version[0] + "." + version[1] + "." + version[2];
    }

    /**
     * {@code node --test --test-reporter=tap <script>} in the script's directory, killed (and failing the
     * test) when it outlives {@code timeout}.
     */
    Result test(Path script, Map<String, String> environment, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(node.toString(), "--test"));
        // --test-reporter came with 18.15; older 18.x print TAP anyway and refuse the flag.
        if (version[0] > 18 || version[1] >= 15) {
            command.add("--test-reporter=tap");
        }
        command.add(script.getFileName().toString());
        return run(command, script.getParent(), environment, timeout);
    }

    private static Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(directory, "node-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        // Set when Maven itself runs under a node:test parent; it would turn our run into a subtest stream.
        builder.environment().remove("NODE_TEST_CONTEXT");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            // node --test runs each file in a child process: end those too, or they outlive the TCK.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s; output:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static Optional<Path> findOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path candidate = Path.of(entry, windows ? "node.exe" : "node");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
