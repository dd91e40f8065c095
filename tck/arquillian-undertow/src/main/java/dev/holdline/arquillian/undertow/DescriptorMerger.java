package dev.holdline.arquillian.undertow;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.holdline.arquillian.undertow.WebDescriptor.ErrorPageDef;
import dev.holdline.arquillian.undertow.WebDescriptor.FilterDef;
import dev.holdline.arquillian.undertow.WebDescriptor.FilterMappingDef;
import dev.holdline.arquillian.undertow.WebDescriptor.ServletDef;

/**
 * Merges descriptors given in priority order ({@code web.xml}, then fragments, then annotations) into the
 * effective one, following the Servlet specification's main rules (8.2.3):
 * <ul>
 * <li>a servlet or filter declared by several sources is one component; each setting comes from the
 *     highest-priority source that sets it, and init-params are merged by name;</li>
 * <li>the URL patterns of a servlet, and the mappings of a filter, come from the highest-priority source that
 *     maps it at all: {@code web.xml} mappings replace annotation mappings rather than adding to them;</li>
 * <li>listeners, context-params, mime and error mappings are unions (first declaration wins on a clash).</li>
 * </ul>
 * Conflicts between fragments are not reported as errors, unlike a strict container.
 */
final class DescriptorMerger {

    WebDescriptor merge(List<WebDescriptor> byPriority) {
        WebDescriptor merged = new WebDescriptor("merged");
        Set<String> mappedServlets = new HashSet<>();
        Set<String> mappedFilters = new HashSet<>();
        for (WebDescriptor d : byPriority) {
            if (merged.displayName() == null) {
                merged.displayName(d.displayName());
            }
            if (merged.requestEncoding() == null) {
                merged.requestEncoding(d.requestEncoding());
            }
            if (merged.responseEncoding() == null) {
                merged.responseEncoding(d.responseEncoding());
            }
            if (merged.sessionConfig() == null) {
                merged.sessionConfig(d.sessionConfig());
            }
            if (merged.welcomeFiles().isEmpty()) {
                merged.welcomeFiles().addAll(d.welcomeFiles());
            }
            d.contextParams().forEach(merged.contextParams()::putIfAbsent);
            merged.listeners().addAll(d.listeners());
            d.mimeMappings().forEach(merged.mimeMappings()::putIfAbsent);
            for (ErrorPageDef page : d.errorPages()) {
                boolean known = merged.errorPages().stream().anyMatch(p -> Objects.equals(p.errorCode(), page.errorCode())
                        && Objects.equals(p.exceptionType(), page.exceptionType()));
                if (!known) {
                    merged.errorPages().add(page);
                }
            }
            d.servlets().forEach((name, servlet) -> merged.servlets().merge(name, servlet, DescriptorMerger::mergeServlet));
            d.filters().forEach((name, filter) -> merged.filters().merge(name, filter, DescriptorMerger::mergeFilter));

            // a source's mappings count only for components no higher-priority source has mapped
            Set<String> mappedHere = new HashSet<>();
            d.servletMappings().forEach((name, patterns) -> {
                if (!mappedServlets.contains(name)) {
                    merged.addServletMapping(name, patterns);
                    mappedHere.add(name);
                }
            });
            mappedServlets.addAll(mappedHere);
            Set<String> filtersMappedHere = new HashSet<>();
            for (FilterMappingDef m : d.filterMappings()) {
                if (!mappedFilters.contains(m.filterName())) {
                    merged.filterMappings().add(m);
                    filtersMappedHere.add(m.filterName());
                }
            }
            mappedFilters.addAll(filtersMappedHere);
        }
        return merged;
    }

    private static ServletDef mergeServlet(ServletDef high, ServletDef low) {
        return new ServletDef(high.name(),
                high.className() != null ? high.className() : low.className(),
                mergeParams(high.initParams(), low.initParams()),
                high.loadOnStartup() != null ? high.loadOnStartup() : low.loadOnStartup(),
                high.asyncSupported() != null ? high.asyncSupported() : low.asyncSupported(),
                high.multipart() != null ? high.multipart() : low.multipart());
    }

    private static FilterDef mergeFilter(FilterDef high, FilterDef low) {
        return new FilterDef(high.name(),
                high.className() != null ? high.className() : low.className(),
                mergeParams(high.initParams(), low.initParams()),
                high.asyncSupported() != null ? high.asyncSupported() : low.asyncSupported());
    }

    private static Map<String, String> mergeParams(Map<String, String> high, Map<String, String> low) {
        Map<String, String> params = new LinkedHashMap<>(high);
        low.forEach(params::putIfAbsent);
        return params;
    }
}
