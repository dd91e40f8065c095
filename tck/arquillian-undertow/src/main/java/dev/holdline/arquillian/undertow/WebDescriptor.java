package dev.holdline.arquillian.undertow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.SessionTrackingMode;

/**
 * What one source says about a web application: {@code web.xml}, one {@code web-fragment.xml}, or the
 * {@code @WebServlet}/{@code @WebFilter}/{@code @WebListener} annotations of one class root. Sources are merged
 * by {@link DescriptorMerger}; optional values are {@code null} when the source does not set them, so that a
 * lower-priority source can fill them in.
 */
final class WebDescriptor {

    /** A {@code <servlet>} or {@code @WebServlet}. */
    record ServletDef(String name, String className, Map<String, String> initParams, Integer loadOnStartup,
                      Boolean asyncSupported, MultipartDef multipart) {
    }

    /** A {@code <multipart-config>} or {@code @MultipartConfig}. */
    record MultipartDef(String location, long maxFileSize, long maxRequestSize, int fileSizeThreshold) {
    }

    /** A {@code <filter>} or {@code @WebFilter}. */
    record FilterDef(String name, String className, Map<String, String> initParams, Boolean asyncSupported) {
    }

    /** A {@code <filter-mapping>}, or the mapping part of a {@code @WebFilter}. */
    record FilterMappingDef(String filterName, List<String> urlPatterns, List<String> servletNames,
                            Set<DispatcherType> dispatchers) {
        FilterMappingDef {
            dispatchers = dispatchers.isEmpty() ? EnumSet.of(DispatcherType.REQUEST) : EnumSet.copyOf(dispatchers);
        }
    }

    /** An {@code <error-page>}: either an error code or an exception type, or neither for the default page. */
    record ErrorPageDef(Integer errorCode, String exceptionType, String location) {
    }

    /** The parts of {@code <session-config>} the adapter applies. */
    record SessionConfigDef(Integer timeoutMinutes, String cookieName, String cookiePath, String cookieDomain,
                            Boolean cookieHttpOnly, Boolean cookieSecure, Integer cookieMaxAge,
                            Set<SessionTrackingMode> trackingModes) {
    }

    private final String source;
    private boolean metadataComplete;
    private String displayName;
    private String requestEncoding;
    private String responseEncoding;
    private SessionConfigDef sessionConfig;
    private final Map<String, String> contextParams = new LinkedHashMap<>();
    private final Set<String> listeners = new LinkedHashSet<>();
    private final Map<String, ServletDef> servlets = new LinkedHashMap<>();
    private final Map<String, List<String>> servletMappings = new LinkedHashMap<>();
    private final Map<String, FilterDef> filters = new LinkedHashMap<>();
    private final List<FilterMappingDef> filterMappings = new ArrayList<>();
    private final List<String> welcomeFiles = new ArrayList<>();
    private final Map<String, String> mimeMappings = new LinkedHashMap<>();
    private final List<ErrorPageDef> errorPages = new ArrayList<>();

    WebDescriptor(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    boolean metadataComplete() {
        return metadataComplete;
    }

    void metadataComplete(boolean value) {
        metadataComplete = value;
    }

    String displayName() {
        return displayName;
    }

    void displayName(String value) {
        displayName = value;
    }

    String requestEncoding() {
        return requestEncoding;
    }

    void requestEncoding(String value) {
        requestEncoding = value;
    }

    String responseEncoding() {
        return responseEncoding;
    }

    void responseEncoding(String value) {
        responseEncoding = value;
    }

    SessionConfigDef sessionConfig() {
        return sessionConfig;
    }

    void sessionConfig(SessionConfigDef value) {
        sessionConfig = value;
    }

    Map<String, String> contextParams() {
        return contextParams;
    }

    Set<String> listeners() {
        return listeners;
    }

    Map<String, ServletDef> servlets() {
        return servlets;
    }

    /** Servlet name to URL patterns; a servlet named here may be declared by another source. */
    Map<String, List<String>> servletMappings() {
        return servletMappings;
    }

    void addServletMapping(String servletName, List<String> patterns) {
        servletMappings.computeIfAbsent(servletName, n -> new ArrayList<>()).addAll(patterns);
    }

    Map<String, FilterDef> filters() {
        return filters;
    }

    List<FilterMappingDef> filterMappings() {
        return filterMappings;
    }

    List<String> welcomeFiles() {
        return welcomeFiles;
    }

    Map<String, String> mimeMappings() {
        return mimeMappings;
    }

    List<ErrorPageDef> errorPages() {
        return errorPages;
    }

    @Override
    public String toString() {
        return source;
    }
}
