package dev.holdline.perf.bench;

import dev.holdline.perf.client.Container;
import dev.holdline.perf.client.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The long-poll benchmark (issue 3 item 8): for every run, container, waiter count and endpoint, a fresh
 * server JVM and one {@link ParkScenario}; the report is rewritten after every scenario so that a failure
 * keeps what was measured. System properties ({@code holdline.perf.*}): {@code sizes} (1000,10000),
 * {@code containers} (undertow,tomcat,payara), {@code endpoints} (holdline,bare,bare_direct,blocking), {@code throughputSeconds}
 * (10), {@code runs} (1), {@code requestThreads} (200), {@code report}, {@code logDir}, and the server class
 * path ({@link ServerProcess#classpathFromSystemProperties()}).
 */
public final class LongPollBenchmark {

    private static final System.Logger LOG = System.getLogger(LongPollBenchmark.class.getName());

    private LongPollBenchmark() {
    }

    /** Runs the benchmark; exits with 1 when a scenario failed. */
    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("holdline.perf.sizes", "1000,10000").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        List<Container> containers = Container.parse(System.getProperty("holdline.perf.containers", "undertow,tomcat,payara"));
        List<Endpoint> endpoints = Endpoint.parse(System.getProperty("holdline.perf.endpoints", "holdline,bare,bare_direct,blocking"));
        Duration throughput = Duration.ofSeconds(Long.getLong("holdline.perf.throughputSeconds", 10));
        int runs = Integer.getInteger("holdline.perf.runs", 1);
        int requestThreads = Integer.getInteger("holdline.perf.requestThreads", 200);
        Path report = Path.of(System.getProperty("holdline.perf.report", "target/perf-report.md"));
        Path logs = Path.of(System.getProperty("holdline.perf.logDir", "target/perf-logs"));
        String classpath = ServerProcess.classpathFromSystemProperties();

        BenchReport writer = new BenchReport(command(), environment(requestThreads));
        List<ScenarioResult> results = new ArrayList<>();
        boolean failed = false;
        for (int run = 1; run <= runs; run++) {
            for (Container container : containers) {
                for (int size : sizes) {
                    for (Endpoint endpoint : endpoints) {
                        if (endpoint == Endpoint.BLOCKING && !container.hasSeparateControlPort()) {
                            System.out.println("== " + container + ": no blocking scenario, it would starve /stats on the shared pool");
                            continue;
                        }
                        String name = container + "-" + size + "-" + endpoint + "-run" + run;
                        System.out.println("== " + name);
                        try (ServerProcess server = ServerProcess.start(container, classpath, requestThreads, logs.resolve(name + ".log"))) {
                            ScenarioResult result = new ParkScenario(server, endpoint).run(run, size, throughput);
                            results.add(result);
                            System.out.println(result);
                        } catch (Exception e) {
                            failed = true;
                            LOG.log(System.Logger.Level.ERROR, name + " failed: " + e, e);
                        }
                        writer.write(results, report);
                    }
                }
            }
        }
        System.out.println(writer.render(results));
        System.out.println("Report: " + report.toAbsolutePath());
        System.exit(failed ? 1 : 0);
    }

    private static String command() {
        return System.getProperty("holdline.perf.command",
                "./mvnw -B -pl tck/perf -am -Pperf -DskipTests verify  # from the repository root");
    }

    private static String environment(int requestThreads) {
        return Runtime.getRuntime().availableProcessors() + " cores; JDK " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + "; " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + "; " + System.getProperty("holdline.perf.versions", "")
                + "; server JVM -Xmx2g -XX:+UseG1GC, " + requestThreads + " request threads, driver one NIO selector thread";
    }
}
