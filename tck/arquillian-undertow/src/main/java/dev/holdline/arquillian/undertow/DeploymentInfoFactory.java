package dev.holdline.arquillian.undertow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EventListener;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.Servlet;

import io.undertow.server.handlers.resource.ResourceManager;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.ErrorPage;
import io.undertow.servlet.api.FilterInfo;
import io.undertow.servlet.api.ListenerInfo;
import io.undertow.servlet.api.MimeMapping;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import io.undertow.servlet.api.ServletInfo;
import io.undertow.servlet.api.ServletSessionConfig;

import dev.holdline.arquillian.undertow.WebDescriptor.ErrorPageDef;
import dev.holdline.arquillian.undertow.WebDescriptor.FilterDef;
import dev.holdline.arquillian.undertow.WebDescriptor.FilterMappingDef;
import dev.holdline.arquillian.undertow.WebDescriptor.ServletDef;
import dev.holdline.arquillian.undertow.WebDescriptor.SessionConfigDef;

/**
 * Translates the effective (merged) descriptor of a WAR into Undertow's {@link DeploymentInfo}, loading the
 * component classes through the WAR's class loader.
 * <p>
 * Everything is put into the {@code DeploymentInfo} before Undertow deploys it, so that
 * {@code io.undertow.servlet.ServletExtension}s such as Weld's see every declared servlet, filter and listener
 * and can take over their instantiation (that is how {@code @Inject} into servlets works).
 */
final class DeploymentInfoFactory {

    private static final List<String> DEFAULT_WELCOME_FILES = List.of("index.html", "index.htm");

    private final UndertowContainerConfiguration config;

    DeploymentInfoFactory(UndertowContainerConfiguration config) {
        this.config = config;
    }

    DeploymentInfo create(String deploymentName, String contextPath, WebDescriptor web, ClassLoader loader,
                          ResourceManager resources, List<ServletContainerInitializerInfo> initializers,
                          Path tempDir) throws IOException {
        DeploymentInfo info = Servlets.deployment()
                .setDeploymentName(deploymentName)
                .setContextPath(contextPath.isEmpty() ? "/" : contextPath)
                .setDisplayName(web.displayName() != null ? web.displayName() : deploymentName)
                .setClassLoader(loader)
                .setResourceManager(resources)
                .setTempDir(tempDir)
                .setEagerFilterInit(config.isEagerFilterInit())
                .setDefaultSessionTimeout(seconds(config.getSessionTimeoutMinutes()));
        if (config.getDefaultEncoding() != null) {
            info.setDefaultEncoding(config.getDefaultEncoding());
        }
        if (web.requestEncoding() != null) {
            info.setDefaultRequestEncoding(web.requestEncoding());
        }
        if (web.responseEncoding() != null) {
            info.setDefaultResponseEncoding(web.responseEncoding());
        }
        web.contextParams().forEach(info::addInitParameter);
        for (String listener : web.listeners()) {
            info.addListener(new ListenerInfo(load(loader, listener, EventListener.class, "listener")));
        }
        addServlets(info, web, loader);
        addFilters(info, web, loader);
        info.addWelcomePages(web.welcomeFiles().isEmpty() ? DEFAULT_WELCOME_FILES : web.welcomeFiles());
        web.mimeMappings().forEach((ext, type) -> info.addMimeMapping(new MimeMapping(ext, type)));
        for (ErrorPageDef page : web.errorPages()) {
            info.addErrorPage(errorPage(page, loader));
        }
        applySessionConfig(info, web.sessionConfig());
        info.addServletContainerInitializers(initializers);
        return info;
    }

    private static void addServlets(DeploymentInfo info, WebDescriptor web, ClassLoader loader) throws IOException {
        for (ServletDef def : web.servlets().values()) {
            if (def.className() == null) {
                // e.g. a <jsp-file> servlet: there is no JSP engine in this container
                throw new IOException("Servlet " + def.name() + " has no servlet-class; JSP servlets are not supported");
            }
            ServletInfo servlet = new ServletInfo(def.name(), load(loader, def.className(), Servlet.class, "servlet"));
            def.initParams().forEach(servlet::addInitParam);
            if (def.loadOnStartup() != null && def.loadOnStartup() >= 0) {
                servlet.setLoadOnStartup(def.loadOnStartup());
            }
            servlet.setAsyncSupported(Boolean.TRUE.equals(def.asyncSupported()));
            if (def.multipart() != null) {
                servlet.setMultipartConfig(new MultipartConfigElement(def.multipart().location(),
                        def.multipart().maxFileSize(), def.multipart().maxRequestSize(),
                        def.multipart().fileSizeThreshold()));
            }
            servlet.addMappings(web.servletMappings().getOrDefault(def.name(), List.of()));
            info.addServlet(servlet);
        }
        for (Map.Entry<String, List<String>> mapping : web.servletMappings().entrySet()) {
            if (!web.servlets().containsKey(mapping.getKey())) {
                throw new IOException("servlet-mapping names unknown servlet " + mapping.getKey());
            }
        }
    }

    private static void addFilters(DeploymentInfo info, WebDescriptor web, ClassLoader loader) throws IOException {
        for (FilterDef def : web.filters().values()) {
            FilterInfo filter = new FilterInfo(def.name(), load(loader, def.className(), Filter.class, "filter"));
            def.initParams().forEach(filter::addInitParam);
            filter.setAsyncSupported(Boolean.TRUE.equals(def.asyncSupported()));
            info.addFilter(filter);
        }
        for (FilterMappingDef mapping : web.filterMappings()) {
            if (!web.filters().containsKey(mapping.filterName())) {
                throw new IOException("filter-mapping names unknown filter " + mapping.filterName());
            }
            for (DispatcherType dispatcher : mapping.dispatchers()) {
                for (String pattern : mapping.urlPatterns()) {
                    info.addFilterUrlMapping(mapping.filterName(), pattern, dispatcher);
                }
                for (String servletName : mapping.servletNames()) {
                    info.addFilterServletNameMapping(mapping.filterName(), servletName, dispatcher);
                }
            }
        }
    }

    private static ErrorPage errorPage(ErrorPageDef page, ClassLoader loader) throws IOException {
        if (page.errorCode() != null) {
            return new ErrorPage(page.location(), page.errorCode());
        }
        if (page.exceptionType() != null) {
            return new ErrorPage(page.location(), load(loader, page.exceptionType(), Throwable.class, "exception-type"));
        }
        return new ErrorPage(page.location());
    }

    private static void applySessionConfig(DeploymentInfo info, SessionConfigDef def) {
        if (def == null) {
            return;
        }
        if (def.timeoutMinutes() != null) {
            info.setDefaultSessionTimeout(seconds(def.timeoutMinutes()));
        }
        boolean cookieOrTracking = def.cookieName() != null || def.cookiePath() != null || def.cookieDomain() != null
                || def.cookieHttpOnly() != null || def.cookieSecure() != null || def.cookieMaxAge() != null
                || def.trackingModes() != null;
        if (!cookieOrTracking) {
            return;
        }
        ServletSessionConfig session = new ServletSessionConfig();
        if (def.cookieName() != null) {
            session.setName(def.cookieName());
        }
        session.setPath(def.cookiePath());
        session.setDomain(def.cookieDomain());
        if (def.cookieHttpOnly() != null) {
            session.setHttpOnly(def.cookieHttpOnly());
        }
        if (def.cookieSecure() != null) {
            session.setSecure(def.cookieSecure());
        }
        if (def.cookieMaxAge() != null) {
            session.setMaxAge(def.cookieMaxAge());
        }
        if (def.trackingModes() != null) {
            session.setSessionTrackingModes(def.trackingModes());
        }
        info.setServletSessionConfig(session);
    }

    /** web.xml counts minutes ({@code <= 0}: never expire); Undertow counts seconds ({@code -1}: never). */
    private static int seconds(int minutes) {
        return minutes <= 0 ? -1 : minutes * 60;
    }

    private static <T> Class<? extends T> load(ClassLoader loader, String className, Class<T> type, String role)
            throws IOException {
        try {
            return Class.forName(className, false, loader).asSubclass(type);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IOException("Cannot load " + role + " class " + className, e);
        } catch (ClassCastException e) {
            throw new IOException(role + " class " + className + " is not a " + type.getName(), e);
        }
    }
}
