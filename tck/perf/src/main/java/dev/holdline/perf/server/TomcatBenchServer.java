package dev.holdline.perf.server;

import dev.holdline.longpoll.LongPollInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat running the bench application on 127.0.0.1. Two NIO connectors, each with its own
 * thread pool: the measured one ({@code maxThreads} = request threads, room for 15,000 connections,
 * unlimited keep-alive requests) and a small control connector for {@code /stats} and {@code /publish}.
 */
public final class TomcatBenchServer {

    private static final System.Logger LOG = System.getLogger(TomcatBenchServer.class.getName());

    private TomcatBenchServer() {
    }

    /** See {@link ServerArguments} for the arguments. */
    public static void main(String[] args) throws Exception {
        ServerArguments arguments = ServerArguments.parse(args);
        Path base = Files.createTempDirectory("holdline-bench-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());

        Connector measured = connector(arguments.port());
        measured.setProperty("maxThreads", Integer.toString(arguments.requestThreads()));
        measured.setProperty("maxConnections", "15000");
        measured.setProperty("acceptCount", "10000");
        measured.setProperty("maxKeepAliveRequests", "-1");
        tomcat.setConnector(measured);
        Connector control = connector(arguments.controlPort());
        control.setProperty("maxThreads", "4");
        tomcat.getService().addConnector(control);

        Context context = tomcat.addContext("", null);
        BenchInitializer.CONTEXT_PARAMETERS.forEach(context::addParameter);
        context.addServletContainerInitializer(new LongPollInitializer(), null);
        context.addServletContainerInitializer(new BenchInitializer(arguments.requestThreads()), null);

        ServerLifetime.watch(arguments.maxLifetime(), () -> {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "bench server: stopping Tomcat failed: " + e);
            }
        });
        tomcat.start();
        ServerArguments.announce(measured.getLocalPort(), control.getLocalPort());
    }

    private static Connector connector(int port) {
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        return connector;
    }
}
