package dev.holdline.perf.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A bench server in its own JVM ({@code -Xmx2g -XX:+UseG1GC}, plus the arguments in system property
 * {@code holdline.perf.serverJvmArgs}), on 127.0.0.1 with ephemeral ports. Its
 * output goes to a log file; {@link #close()} ends it (SIGTERM, then forcibly after 10 s). Every server
 * still running when the driver's JVM exits is ended forcibly by a shutdown hook, and an Undertow or Tomcat
 * server whose driver died exits by itself when its standard input closes (Payara Micro, started from its own
 * jar, relies on the hook).
 */
public final class ServerProcess implements AutoCloseable {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "bench-servers-kill"));
    }

    private final Container container;
    private final Process process;
    private final int port;
    private final int controlPort;

    private ServerProcess(Container container, Process process, int port, int controlPort) {
        this.container = container;
        this.process = process;
        this.port = port;
        this.controlPort = controlPort;
    }

    /**
     * Starts a server and waits until it listens.
     *
     * @param classpath      the server's class path (this module's classes and runtime dependencies)
     * @param requestThreads size of the measured request-thread pool
     * @param log            where the server's output goes
     */
    public static ServerProcess start(Container container, String classpath, int requestThreads, Path log)
            throws IOException, InterruptedException {
        return start(container, classpath, requestThreads, log, List.of());
    }

    /** {@link #start(Container, String, int, Path)} with more arguments for the server JVM, such as system properties. */
    public static ServerProcess start(Container container, String classpath, int requestThreads, Path log, List<String> jvmArguments)
            throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx2g", "-XX:+UseG1GC", "-Djava.net.preferIPv4Stack=true"));
        command.addAll(jvmArguments);
        String extra = System.getProperty("holdline.perf.serverJvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+"))); // e.g. a JFR recording, for investigations
        }
        Function<String, int[]> readiness;
        if (container == Container.PAYARA) {
            int port = freePort();
            command.addAll(payaraArguments(port, log));
            readiness = line -> line.contains("Payara Micro") && line.contains(" ready in ") ? new int[] {port, port} : null;
        } else {
            command.addAll(List.of("-cp", classpath, container.mainClass(), "0", "0", Integer.toString(requestThreads), "1800"));
            readiness = ServerProcess::announcedPorts;
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        RUNNING.add(process);
        CompletableFuture<int[]> ports = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, log, readiness, ports), "bench-server-output " + container);
        pump.setDaemon(true);
        pump.start();
        try {
            int[] found = ports.get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new ServerProcess(container, process, found[0], found[1]);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            destroy(process);
            throw new IOException(container + " bench server did not start within " + STARTUP_TIMEOUT + "; see " + log, e);
        }
    }

    /** The measured port. */
    public int port() {
        return port;
    }

    /** The control port ({@code /stats}, {@code /publish}). */
    public int controlPort() {
        return controlPort;
    }

    /** The container it runs. */
    public Container container() {
        return container;
    }

    @Override
    public void close() {
        destroy(process);
    }

    private static void destroy(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(process);
        }
    }

    private static void pump(Process process, Path log, Function<String, int[]> readiness, CompletableFuture<int[]> ports) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                int[] found = ports.isDone() ? null : readiness.apply(line);
                if (found != null) {
                    ports.complete(found);
                }
            }
        } catch (IOException | RuntimeException e) {
            ports.completeExceptionally(e);
        }
        ports.completeExceptionally(new IOException("server output ended before it announced its ports"));
    }

    private static int[] announcedPorts(String line) {
        if (!line.startsWith("HOLDLINE-BENCH-PORTS ")) {
            return null;
        }
        String[] parts = line.split(" ");
        return new int[] {Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    /**
     * {@code -jar payara-micro.jar} with the exploded bench WAR at context root {@code /}, no clustering, the
     * listener bound to 127.0.0.1 and 200 request threads (preboot commands); paths from system properties
     * {@code holdline.perf.payaraMicroJar}, {@code holdline.perf.payaraWar}, {@code holdline.perf.payaraPreboot}.
     */
    private static List<String> payaraArguments(int port, Path log) {
        Path root = log.toAbsolutePath().getParent().resolve("payara-root-" + port);
        return List.of("-jar", System.getProperty("holdline.perf.payaraMicroJar", "target/payara/payara-micro.jar"),
                "--deploy", System.getProperty("holdline.perf.payaraWar", "target/payara-bench-war"),
                "--contextroot", "/", "--port", Integer.toString(port), "--nocluster", "--nohazelcast",
                "--prebootcommandfile", System.getProperty("holdline.perf.payaraPreboot", "src/payara/preboot.asadmin"),
                "--rootdir", root.toString());
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The server class path from the driver's settings: system property {@code holdline.perf.serverClasses}
     * (this module's classes) and the file named by {@code holdline.perf.serverClasspathFile} (written by
     * maven-dependency-plugin's build-classpath).
     */
    public static String classpathFromSystemProperties() throws IOException {
        String classes = System.getProperty("holdline.perf.serverClasses", "target/classes");
        String file = System.getProperty("holdline.perf.serverClasspathFile", "target/server.classpath");
        return classes + java.io.File.pathSeparator + Files.readString(Path.of(file)).trim();
    }
}
