package dev.holdline.perf.server;

import dev.holdline.longpoll.LongPollInitializer;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import java.net.InetSocketAddress;
import java.util.Set;
import org.xnio.Options;

/**
 * Embedded Undertow running the bench application on 127.0.0.1. The measured endpoints and the control
 * endpoints are served by two Undertow instances (two ports, two XNIO workers) sharing one deployment, so
 * that a saturated worker pool (the blocking baseline) cannot stall {@code /stats} and {@code /publish}.
 */
public final class UndertowBenchServer {

    private UndertowBenchServer() {
    }

    /** See {@link ServerArguments} for the arguments. */
    public static void main(String[] args) throws Exception {
        ServerArguments arguments = ServerArguments.parse(args);
        DeploymentInfo info = Servlets.deployment()
                .setClassLoader(UndertowBenchServer.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("holdline-bench")
                .addServletContainerInitializer(new ServletContainerInitializerInfo(LongPollInitializer.class,
                        new ImmediateInstanceFactory<>(new LongPollInitializer()), Set.of()))
                .addServletContainerInitializer(new ServletContainerInitializerInfo(BenchInitializer.class,
                        new ImmediateInstanceFactory<>(new BenchInitializer(arguments.requestThreads())), Set.of()));
        BenchInitializer.CONTEXT_PARAMETERS.forEach(info::addInitParameter);
        DeploymentManager manager = Servlets.defaultContainer().addDeployment(info);
        manager.deploy();
        HttpHandler application = manager.start();

        Undertow measured = Undertow.builder()
                .addHttpListener(arguments.port(), "127.0.0.1")
                .setIoThreads(2)
                .setWorkerThreads(arguments.requestThreads())
                .setSocketOption(Options.BACKLOG, 10_000)
                .setHandler(application)
                .build();
        Undertow control = Undertow.builder()
                .addHttpListener(arguments.controlPort(), "127.0.0.1")
                .setIoThreads(1)
                .setWorkerThreads(4)
                .setHandler(application)
                .build();
        ServerLifetime.watch(arguments.maxLifetime(), () -> {
            measured.stop();
            control.stop();
        });
        measured.start();
        control.start();
        ServerArguments.announce(port(measured), port(control));
    }

    private static int port(Undertow server) {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }
}
