package dev.holdline.perf.bench;

import dev.holdline.perf.client.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the benchmark's results as markdown: command, environment, one row per scenario, Holdline's heap
 * beyond the bare servlet, and the targets with pass or fail.
 */
final class BenchReport {

    /** Issue 3 item 8: heap beyond the container's own cost per parked request. */
    static final double HEAP_TARGET_BYTES = 2048;
    /** Issue 3 item 8: p99 delivery to 10k waiters. */
    static final double P99_TARGET_MILLIS = 250;
    static final int TARGET_WAITERS = 10_000;

    private final String command;
    private final String environment;

    BenchReport(String command, String environment) {
        this.command = command;
        this.environment = environment;
    }

    void write(List<ScenarioResult> results, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(results));
    }

    String render(List<ScenarioResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("# Long-poll benchmark results\n\n");
        md.append("Command:\n\n```\n").append(command).append("\n```\n\n");
        md.append("Environment: ").append(environment).append("\n\n");
        md.append("## Scenarios\n\n");
        md.append("| run | container | N | endpoint | held | request threads in service | live threads | heap idle MiB | heap parked MiB"
                + " | heap/waiter B | delivered | p50 ms | p99 ms | max ms | publish() ms | polls/s | failures |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioResult r : results) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %d | %s | %d | %d | %d | %.1f | %.1f | %.0f | %d | %.1f | %.1f | %.1f | %.1f | %.0f | %d |%n",
                    r.run(), name(r.container()), r.waiters(), r.endpoint().label(), r.held(), r.parked().requestThreadsInService(),
                    r.parked().liveThreads(), mib(r.idle().heapUsed()), mib(r.parked().heapUsed()), r.heapPerWaiterBytes(),
                    r.deliveredCount(), r.deliveryP50Millis(), r.deliveryP99Millis(), r.deliveryMaxMillis(), r.publishMillis(),
                    r.pollsPerSecond(), r.failures()));
        }
        md.append("\n## Targets (N = ").append(TARGET_WAITERS).append(")\n\n");
        md.append("| run | container | all 10k parked, no request thread held | Holdline heap beyond bare startAsync() per waiter (<= 2048 B)"
                + " | p99 delivery (<= 250 ms) |\n|---|---|---|---|---|\n");
        for (ScenarioResult holdline : results) {
            if (holdline.endpoint() != Endpoint.HOLDLINE || holdline.waiters() != TARGET_WAITERS) {
                continue;
            }
            boolean parkedOk = holdline.held() == TARGET_WAITERS && holdline.parked().requestThreadsInService() == 0;
            Optional<ScenarioResult> bare = results.stream().filter(r -> r.run() == holdline.run() && r.container() == holdline.container()
                    && r.waiters() == holdline.waiters() && r.endpoint() == Endpoint.BARE).findFirst();
            String heap = bare.map(b -> {
                double beyond = holdline.heapPerWaiterBytes() - b.heapPerWaiterBytes();
                return String.format(Locale.ROOT, "%.0f B (%.0f - %.0f): %s", beyond, holdline.heapPerWaiterBytes(),
                        b.heapPerWaiterBytes(), beyond <= HEAP_TARGET_BYTES ? "pass" : "FAIL");
            }).orElse("no bare run");
            md.append(String.format(Locale.ROOT, "| %d | %s | %d parked, %d threads: %s | %s | %.1f ms of %d delivered: %s |%n",
                    holdline.run(), name(holdline.container()), holdline.held(), holdline.parked().requestThreadsInService(),
                    parkedOk ? "pass" : "FAIL", heap, holdline.deliveryP99Millis(), holdline.deliveredCount(),
                    holdline.deliveryP99Millis() <= P99_TARGET_MILLIS && holdline.deliveredCount() == TARGET_WAITERS ? "pass" : "FAIL"));
        }
        return md.toString();
    }

    private static String name(Container container) {
        return container.name().charAt(0) + container.name().substring(1).toLowerCase(Locale.ROOT);
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
