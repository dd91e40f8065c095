package dev.holdline.coalesce.servlet;

import dev.holdline.http.EntityTagCondition;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides from the request alone whether it may be coalesced, and builds its key.
 *
 * <ul>
 *   <li>Only GET and HEAD; the method is part of the key, so a HEAD shares only with HEADs (a HEAD answer
 *       has no body to give a GET, and deriving one from a GET would skip the application's own HEAD
 *       handling).</li>
 *   <li>{@code Range} and the preconditions this filter does not evaluate ({@code If-Match},
 *       {@code If-Unmodified-Since}, {@code If-Range}) pass through: their answers (206, 412) belong to one
 *       request. {@code If-Modified-Since} passes through too unless {@code If-None-Match} is present, in
 *       which case RFC 9110 section 13.1.3 says to ignore it.</li>
 *   <li>{@code If-None-Match} is not in the key: it is parsed here (a malformed one passes through, so that
 *       the application, not the filter, answers it) and evaluated per request against the shared
 *       response.</li>
 *   <li>Credentials ({@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}) pass through,
 *       unless keyed by credential, when their exact values join the key.</li>
 *   <li>A GET or HEAD with content passes through: the key does not cover bodies.</li>
 * </ul>
 */
final class RequestClassifier {

    static final List<String> NEGOTIATION_HEADERS = List.of("accept", "accept-encoding", "accept-language");
    static final List<String> CREDENTIAL_HEADERS = List.of("authorization", "proxy-authorization", "cookie");
    private static final List<String> UNEVALUATED_CONDITIONS = List.of("if-match", "if-unmodified-since", "if-range");

    private final boolean keyByCredential;
    private final List<String> keyHeaders;
    private final Set<String> keyed;

    RequestClassifier(FilterSettings settings) {
        this.keyByCredential = settings.keyByCredential();
        Set<String> names = new LinkedHashSet<>(NEGOTIATION_HEADERS);
        names.addAll(settings.keyHeaders());
        if (keyByCredential) {
            names.addAll(CREDENTIAL_HEADERS);
        }
        this.keyHeaders = List.copyOf(names);
        this.keyed = Set.copyOf(names);
    }

    /** Whether a request header (any case) is part of the key. */
    boolean isKeyed(String headerName) {
        return keyed.contains(headerName.toLowerCase(Locale.ROOT));
    }

    Admission classify(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return Admission.bypass(BypassReason.METHOD);
        }
        if (!keyByCredential) {
            for (String name : CREDENTIAL_HEADERS) {
                if (request.getHeader(name) != null) {
                    return Admission.bypass(BypassReason.CREDENTIALS);
                }
            }
        }
        if (request.getHeader("range") != null) {
            return Admission.bypass(BypassReason.RANGE);
        }
        for (String name : UNEVALUATED_CONDITIONS) {
            if (request.getHeader(name) != null) {
                return Admission.bypass(BypassReason.CONDITIONAL);
            }
        }
        EntityTagCondition condition;
        try {
            condition = EntityTagCondition.of(request, EntityTagCondition.IF_NONE_MATCH).orElse(null);
        } catch (IllegalArgumentException malformed) {
            return Admission.bypass(BypassReason.MALFORMED_CONDITION);
        }
        if (condition == null && request.getHeader("if-modified-since") != null) {
            return Admission.bypass(BypassReason.CONDITIONAL);
        }
        if (request.getContentLengthLong() > 0 || request.getHeader("transfer-encoding") != null) {
            return Admission.bypass(BypassReason.REQUEST_BODY);
        }
        if (!request.isAsyncSupported()) {
            return Admission.bypass(BypassReason.ASYNC_UNSUPPORTED);
        }
        List<List<String>> values = new ArrayList<>(keyHeaders.size());
        for (String name : keyHeaders) {
            values.add(values(request, name));
        }
        return Admission.coalesce(new RequestKey(method, request.getRequestURI(), request.getQueryString(), values), condition);
    }

    /** The field lines of a request header, in order; empty if absent. */
    static List<String> values(HttpServletRequest request, String name) {
        Enumeration<String> lines = request.getHeaders(name);
        return lines == null ? List.of() : List.copyOf(Collections.list(lines));
    }
}
