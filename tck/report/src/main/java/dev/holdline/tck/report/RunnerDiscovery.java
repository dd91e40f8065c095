package dev.holdline.tck.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which runners the report reads: every {@code tck/run-*} module of the repository (the
 * convention a vendor's runner follows inside the repository), plus those named on the command line.
 */
final class RunnerDiscovery {

    static final String RUNNER_PREFIX = "run-";

    private RunnerDiscovery() {
    }

    /**
     * The runners in natural name order, which is also the column order.
     *
     * @throws UsageException when {@code --observations} names a runner that does not exist
     * @throws IOException    when {@code root/tck} cannot be listed
     */
    static List<Runner> runners(ReportOptions options) throws UsageException, IOException {
        Map<String, Runner> byName = new TreeMap<>(NaturalOrder.INSTANCE);
        Path tck = options.root().resolve("tck");
        if (options.discover() && Files.isDirectory(tck)) {
            try (DirectoryStream<Path> modules = Files.newDirectoryStream(tck, RUNNER_PREFIX + "*")) {
                for (Path module : modules) {
                    if (Files.isDirectory(module)) {
                        Path target = module.resolve("target");
                        String name = module.getFileName().toString();
                        byName.put(name, new Runner(name, target.resolve("failsafe-reports"),
                                target.resolve("holdline-observations").resolve("observations.properties")));
                    }
                }
            }
        }
        options.results().forEach((name, dir) -> {
            Path absolute = dir.toAbsolutePath().normalize();
            Path parent = absolute.getParent() != null ? absolute.getParent() : absolute;
            byName.put(name, new Runner(name, absolute,
                    parent.resolve("holdline-observations").resolve("observations.properties")));
        });
        for (Map.Entry<String, Path> entry : options.observations().entrySet()) {
            Runner runner = byName.get(entry.getKey());
            if (runner == null) {
                throw new UsageException("--observations names runner '" + entry.getKey() + "', which is neither given"
                        + " with --results nor a directory tck/" + RUNNER_PREFIX + "*; runners: " + byName.keySet());
            }
            byName.put(runner.name(), new Runner(runner.name(), runner.resultsDir(), entry.getValue().toAbsolutePath().normalize()));
        }
        return new ArrayList<>(byName.values());
    }
}
