package dev.holdline.arquillian.undertow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import dev.holdline.arquillian.undertow.WebDescriptor.FilterDef;
import dev.holdline.arquillian.undertow.WebDescriptor.FilterMappingDef;
import dev.holdline.arquillian.undertow.WebDescriptor.MultipartDef;
import dev.holdline.arquillian.undertow.WebDescriptor.ServletDef;

/**
 * Turns the {@code @WebServlet}, {@code @WebFilter}, {@code @WebListener} and {@code @MultipartConfig}
 * annotations found in a Jandex index of one class root into a {@link WebDescriptor}.
 * <p>
 * Values are read from the index rather than by loading classes, so scanning a library never triggers class
 * initialisation or linkage errors; annotation defaults are those of the Servlet 6.0 API.
 */
final class AnnotationScanner {

    private static final DotName WEB_SERVLET = DotName.createSimple("jakarta.servlet.annotation.WebServlet");
    private static final DotName WEB_FILTER = DotName.createSimple("jakarta.servlet.annotation.WebFilter");
    private static final DotName WEB_LISTENER = DotName.createSimple("jakarta.servlet.annotation.WebListener");
    private static final DotName MULTIPART_CONFIG = DotName.createSimple("jakarta.servlet.annotation.MultipartConfig");

    WebDescriptor scan(String source, IndexView index) {
        WebDescriptor d = new WebDescriptor(source);
        for (AnnotationInstance a : classLevel(index, WEB_SERVLET)) {
            ClassInfo type = a.target().asClass();
            String name = string(a, "name", type.name().toString());
            List<String> patterns = patterns(a);
            Integer loadOnStartup = a.value("loadOnStartup") == null ? null : a.value("loadOnStartup").asInt();
            d.servlets().put(name, new ServletDef(name, type.name().toString(), initParams(a), loadOnStartup,
                    bool(a, "asyncSupported"), multipart(type)));
            if (!patterns.isEmpty()) {
                d.addServletMapping(name, patterns);
            }
        }
        for (AnnotationInstance a : classLevel(index, WEB_FILTER)) {
            ClassInfo type = a.target().asClass();
            String name = string(a, "filterName", type.name().toString());
            d.filters().put(name, new FilterDef(name, type.name().toString(), initParams(a), bool(a, "asyncSupported")));
            List<String> patterns = patterns(a);
            List<String> servletNames = strings(a, "servletNames");
            if (!patterns.isEmpty() || !servletNames.isEmpty()) {
                d.filterMappings().add(new FilterMappingDef(name, patterns, servletNames, dispatchers(a)));
            }
        }
        for (AnnotationInstance a : classLevel(index, WEB_LISTENER)) {
            d.listeners().add(a.target().asClass().name().toString());
        }
        return d;
    }

    private static List<AnnotationInstance> classLevel(IndexView index, DotName annotation) {
        List<AnnotationInstance> result = new ArrayList<>();
        for (AnnotationInstance a : index.getAnnotations(annotation)) {
            if (a.target() != null && a.target().kind() == AnnotationTarget.Kind.CLASS) {
                result.add(a);
            }
        }
        return result;
    }

    private static MultipartDef multipart(ClassInfo type) {
        AnnotationInstance a = type.declaredAnnotation(MULTIPART_CONFIG);
        if (a == null) {
            return null;
        }
        return new MultipartDef(string(a, "location", ""),
                a.value("maxFileSize") == null ? -1L : a.value("maxFileSize").asLong(),
                a.value("maxRequestSize") == null ? -1L : a.value("maxRequestSize").asLong(),
                a.value("fileSizeThreshold") == null ? 0 : a.value("fileSizeThreshold").asInt());
    }

    /** {@code value} and {@code urlPatterns} are alternatives; whichever is set wins. */
    private static List<String> patterns(AnnotationInstance a) {
        List<String> value = strings(a, "value");
        return value.isEmpty() ? strings(a, "urlPatterns") : value;
    }

    private static Map<String, String> initParams(AnnotationInstance a) {
        Map<String, String> params = new LinkedHashMap<>();
        AnnotationValue v = a.value("initParams");
        if (v != null) {
            for (AnnotationInstance p : v.asNestedArray()) {
                params.putIfAbsent(p.value("name").asString(), p.value("value").asString());
            }
        }
        return params;
    }

    private static Set<DispatcherType> dispatchers(AnnotationInstance a) {
        AnnotationValue v = a.value("dispatcherTypes");
        Set<DispatcherType> types = EnumSet.noneOf(DispatcherType.class);
        if (v != null) {
            for (String name : v.asEnumArray()) {
                types.add(DispatcherType.valueOf(name));
            }
        }
        return types;
    }

    private static String string(AnnotationInstance a, String member, String fallback) {
        AnnotationValue v = a.value(member);
        return v == null || v.asString().isEmpty() ? fallback : v.asString();
    }

    private static List<String> strings(AnnotationInstance a, String member) {
        AnnotationValue v = a.value(member);
        return v == null ? List.of() : Arrays.asList(v.asStringArray());
    }

    private static Boolean bool(AnnotationInstance a, String member) {
        AnnotationValue v = a.value(member);
        return v == null ? null : v.asBoolean();
    }
}
