package dev.holdline.testing;

import com.sun.security.auth.module.UnixSystem;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for the modules' tests, started from the binaries the Debian package
 * {@code postgresql} installs ({@code /usr/lib/postgresql/<version>/bin}, the newest version): a fresh
 * cluster under {@code target/}, listening on 127.0.0.1 and a free port only, trusting loopback
 * connections, with fsync off because its data is thrown away. Tests get a fresh database each from
 * {@link #createDatabase()}. JDBC goes through {@link DriverManager}, so the test class path must hold
 * the PostgreSQL driver.
 *
 * <p>Missing binaries fail the test with a message naming the package, never skip it: a skipped test
 * would let CI pass without a database having been tried. As root (CI containers) the server runs as
 * the {@code postgres} user the package creates, since PostgreSQL refuses to run as root, and its
 * directory is given to that user; should that user be unable to enter {@code target/} (a checkout
 * under root's home), the directory goes under {@code /tmp} instead.
 *
 * <p>The server never outlives the test JVM: {@link #close()} stops it, a shutdown hook stops it when
 * the JVM exits without closing, and a watchdog process stops it when the JVM is killed outright.
 * Every start and stop has a time limit.
 */
public final class PostgresServer implements AutoCloseable {

    /** Where the Debian packages put each major version's binaries. */
    public static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    /** A system property naming another {@code bin} directory holding initdb, pg_ctl and postgres. */
    public static final String BIN_PROPERTY = "holdline.postgres.bin";
    /** The superuser initdb creates; loopback connections are trusted, so it needs no password. */
    public static final String USER = "holdline";

    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    // A socket path longer than this does not fit in sockaddr_un (108 bytes with the terminating NUL).
    private static final int MAX_SOCKET_PATH = 100;
    private static final String RUN_AS = "postgres";

    private final Path bin;
    private final Path runDir;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;
    private final String version;
    private final Process watchdog;
    private final Thread shutdownHook;
    private final AtomicInteger databases = new AtomicInteger();
    private boolean closed;

    private PostgresServer(Path bin, Path runDir, int port, boolean asPostgresUser, String version, Process watchdog) {
        this.bin = bin;
        this.runDir = runDir;
        this.dataDir = runDir.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.version = version;
        this.watchdog = watchdog;
        this.shutdownHook = new Thread(this::stopImmediately, "holdline-postgres-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a server with its files under {@code target/postgres} of the working directory (the module's). */
    public static PostgresServer start() {
        return start(Path.of("target", "postgres"));
    }

    /**
     * Starts a server in a new directory under {@code parent}.
     *
     * @throws IllegalStateException when the binaries are missing or the server does not come up in time
     */
    public static PostgresServer start(Path parent) {
        Path bin = binaries();
        boolean root = new UnixSystem().getUid() == 0;
        Path runDir = parent.toAbsolutePath().normalize().resolve("run-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(runDir);
            if (root) {
                runDir = reachableByPostgres(runDir);
            }
            Path socketDir = Files.createDirectories(runDir.resolve("sock"));
            if (root) {
                ownedByPostgres(socketDir);
            }
            Path log = runDir.resolve("server.log");
            run(root, INITDB_TIMEOUT, log, bin.resolve("initdb").toString(), "-D", runDir.resolve("data").toString(),
                    "-U", USER, "--auth-local=trust", "--auth-host=trust", "-E", "UTF8", "--locale=C", "--no-sync");
            int port = freePort();
            configure(runDir.resolve("data"), port, socketDir);
            // The watchdog and the shutdown hook are in place before the server starts, so that no
            // moment exists when it runs unguarded.
            PostgresServer server = new PostgresServer(bin, runDir, port, root, version(bin),
                    watchdog(root, bin, runDir.resolve("data"), log));
            try {
                run(root, START_TIMEOUT.plusSeconds(10), log, bin.resolve("pg_ctl").toString(), "start", "-w",
                        "-t", String.valueOf(START_TIMEOUT.toSeconds()), "-D", server.dataDir.toString(),
                        "-l", runDir.resolve("postgres.log").toString());
            } catch (IOException | RuntimeException e) {
                server.abort();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + runDir + " (see its *.log files)", e);
        }
    }

    /** The newest installed PostgreSQL's {@code bin} directory, or a clear failure naming the package. */
    static Path binaries() {
        String configured = System.getProperty(BIN_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path bin = Path.of(configured);
            if (!complete(bin)) {
                throw new IllegalStateException(BIN_PROPERTY + "=" + configured + " holds no initdb, pg_ctl and postgres");
            }
            return bin;
        }
        Optional<Path> newest = Optional.empty();
        if (Files.isDirectory(DEBIAN_BINARIES)) {
            try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
                newest = versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .map(v -> v.resolve("bin"))
                        .filter(PostgresServer::complete)
                        .max(Comparator.comparingDouble(b -> Double.parseDouble(b.getParent().getFileName().toString())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return newest.orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries not found: no "
                + DEBIAN_BINARIES + "/*/bin/initdb. Install the Debian package 'postgresql' (apt-get install "
                + "postgresql, as .ci/run does; no service needs to run, the tests start their own server), "
                + "or point -D" + BIN_PROPERTY + " at a bin directory holding initdb, pg_ctl and postgres."));
    }

    private static boolean complete(Path bin) {
        return Stream.of("initdb", "pg_ctl", "postgres").allMatch(name -> Files.isExecutable(bin.resolve(name)));
    }

    /**
     * {@code runDir}, given to the postgres user, when that user can reach it; otherwise (a checkout
     * under root's home, mode 700) a directory under /tmp instead, since the server cannot run at all
     * in a directory its user cannot enter.
     */
    private static Path reachableByPostgres(Path runDir) throws IOException {
        ownedByPostgres(runDir);
        Path probe = runDir.resolve("probe.log");
        try {
            run(true, Duration.ofSeconds(20), probe, "test", "-w", runDir.toString());
            Files.delete(probe);
            return runDir;
        } catch (IllegalStateException unreachable) {
            Files.delete(probe);
            Files.delete(runDir);
            Path elsewhere = Files.createTempDirectory(Path.of("/tmp"), "holdline-postgres-");
            System.err.println("PostgresServer: user '" + RUN_AS + "' cannot enter " + runDir.getParent()
                    + " (a parent directory is not world-searchable); using " + elsewhere);
            ownedByPostgres(elsewhere);
            return elsewhere;
        }
    }

    private static void ownedByPostgres(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        try {
            view.setOwner(users.lookupPrincipalByName(RUN_AS));
            GroupPrincipal group = users.lookupPrincipalByGroupName(RUN_AS);
            view.setGroup(group);
        } catch (IOException e) {
            throw new IOException("running as root, PostgreSQL must run as the '" + RUN_AS + "' user, which the Debian"
                    + " package 'postgresql' creates; it could not be given " + path, e);
        }
    }

    // Settings go into postgresql.conf rather than onto pg_ctl's -o, which a shell would split.
    private static void configure(Path dataDir, int port, Path socketDir) throws IOException {
        String socketPath = socketDir.resolve(".s.PGSQL." + port).toString();
        // Only TCP is used; a socket path too long for the kernel would stop the server, so then none.
        String sockets = socketPath.length() > MAX_SOCKET_PATH ? "" : socketDir.toString();
        String settings = "\n# holdline test server\n"
                + "listen_addresses = '127.0.0.1'\n"
                + "port = " + port + "\n"
                + "unix_socket_directories = '" + sockets.replace("'", "''") + "'\n"
                + "max_connections = 120\n"
                + "fsync = off\n"
                + "synchronous_commit = off\n"
                + "full_page_writes = off\n"
                + "log_min_messages = warning\n";
        Files.writeString(dataDir.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<String> command(boolean asPostgresUser, String... command) {
        List<String> out = new ArrayList<>();
        if (asPostgresUser) {
            out.addAll(List.of("runuser", "-u", RUN_AS, "--"));
        }
        out.addAll(List.of(command));
        return out;
    }

    /** Runs a command to completion within {@code timeout}, its output appended to {@code log}. */
    private static void run(boolean asPostgresUser, Duration timeout, Path log, String... command) throws IOException {
        Process process = new ProcessBuilder(command(asPostgresUser, command))
                .directory(log.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command[0] + " did not finish within " + timeout + "; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command[0], e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue()
                    + ":\n" + tail(log) + "\n(server log: " + log.resolveSibling("postgres.log") + ")");
        }
    }

    /**
     * A process that waits for its standard input to end, then stops the server at once. Its input is
     * a pipe from this JVM, which the kernel closes however the JVM ends, even killed by a signal
     * that no shutdown hook sees; {@link #close()} ends it after a normal stop.
     */
    private static Process watchdog(boolean asPostgresUser, Path bin, Path dataDir, Path log) throws IOException {
        String script = "cat >/dev/null; exec \"$0\" stop -m immediate -D \"$1\"";
        return new ProcessBuilder(command(asPostgresUser, "sh", "-c", script, bin.resolve("pg_ctl").toString(), dataDir.toString()))
                .directory(dataDir.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private static String version(Path bin) {
        try {
            Process process = new ProcessBuilder(bin.resolve("postgres").toString(), "--version").redirectErrorStream(true).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** @return the server's port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return what {@code postgres --version} says, such as "postgres (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)" */
    public String version() {
        return version;
    }

    /** @return the user every connection takes; no password is needed */
    public String user() {
        return USER;
    }

    /** @return the JDBC URL of database {@code name} */
    public String jdbcUrl(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** @return the name of a new, empty database, created from {@code template0} */
    public String createDatabase() {
        String name = "test_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement s = c.createStatement()) {
            // FILE_COPY: with fsync off it is much quicker than WAL-logging the template's every block.
            s.executeUpdate("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' STRATEGY FILE_COPY");
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on " + jdbcUrl("postgres")
                    + " (is the PostgreSQL JDBC driver on the test class path?)", e);
        }
    }

    /** Stops the server (fast shutdown, then immediate if that does not end in time) and deletes its files. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        removeShutdownHook();
        try {
            run(asPostgresUser, STOP_TIMEOUT.plusSeconds(10), runDir.resolve("server.log"), bin.resolve("pg_ctl").toString(),
                    "stop", "-w", "-m", "fast", "-t", String.valueOf(STOP_TIMEOUT.toSeconds()), "-D", dataDir.toString());
        } catch (IOException | RuntimeException e) {
            stopImmediately();
        }
        endWatchdog();
        deleteFiles();
    }

    // After a failed start: whatever did start stops, the files stay for the diagnosis.
    private synchronized void abort() {
        closed = true;
        removeShutdownHook();
        stopImmediately();
        endWatchdog();
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // The hook is running or about to: it stops the server.
        }
    }

    private void stopImmediately() {
        try {
            run(asPostgresUser, STOP_TIMEOUT, runDir.resolve("server.log"), bin.resolve("pg_ctl").toString(), "stop",
                    "-m", "immediate", "-w", "-t", String.valueOf(STOP_TIMEOUT.toSeconds()), "-D", dataDir.toString());
        } catch (IOException | RuntimeException e) {
            // Nothing more to do from here; the watchdog still stops it once this JVM is gone.
        }
    }

    // Its pg_ctl then finds no server and exits at once.
    private void endWatchdog() {
        try (OutputStream in = watchdog.getOutputStream()) {
            in.flush();
        } catch (IOException e) {
            // Already ended.
        }
        try {
            if (!watchdog.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                watchdog.destroyForcibly();
            }
        } catch (InterruptedException e) {
            watchdog.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void deleteFiles() {
        try (Stream<Path> files = Files.walk(runDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Left for mvn clean.
        }
    }

    @Override
    public String toString() {
        return version + " on 127.0.0.1:" + port + " (" + dataDir + ")";
    }
}
