package dev.holdline.reply;

import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Reads the {@code Idempotency-Key} of a submission (IETF draft "The Idempotency-Key HTTP Header
 * Field": a structured-field string, a bare token accepted too) and turns it into an
 * {@link IdempotencyKey}: scoped by the principal and the route, so that two users or two endpoints
 * never share a key, and fingerprinted by the kind and the input, so that a reuse for another request
 * is told from a repeat.
 */
final class IdempotencyKeys {

    /** The request header. */
    static final String HEADER = "Idempotency-Key";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private IdempotencyKeys() {
    }

    /**
     * @return the request's key, or null when it sent none
     * @throws SubmissionRefusedException (400) when the header is repeated, empty, too long or not
     *                                    printable ASCII
     */
    static IdempotencyKey from(HttpServletRequest request, String kind, String input, ReplyProblems problems) {
        List<String> values = request.getHeaders(HEADER) == null ? List.of() : Collections.list(request.getHeaders(HEADER));
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1 || values.get(0).indexOf(',') >= 0 && !isQuoted(values.get(0).strip())) {
            throw problems.idempotencyKeyMalformed("Send exactly one " + HEADER + ".");
        }
        String key = unquote(values.get(0).strip(), problems);
        if (key.isEmpty() || key.length() > IdempotencyKey.MAX_KEY_LENGTH) {
            throw problems.idempotencyKeyMalformed("An " + HEADER + " has 1 to " + IdempotencyKey.MAX_KEY_LENGTH + " characters.");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw problems.idempotencyKeyMalformed("An " + HEADER + " is printable ASCII only.");
            }
        }
        return new IdempotencyKey(scope(request), key, fingerprint(kind, input));
    }

    /** Who and where: the principal's name (empty when anonymous), the method and the path in the application. */
    static String scope(HttpServletRequest request) {
        String principal = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        String route = uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
        String scope = principal + " " + request.getMethod() + " " + route;
        // A long principal or path still needs a fixed-width scope: its digest is as unique in practice.
        return scope.length() <= IdempotencyKey.MAX_SCOPE_LENGTH ? scope : "sha256:" + digest(scope);
    }

    static String fingerprint(String kind, String input) {
        return "sha256:" + digest(kind + '\u0000' + (input == null ? "" : input));
    }

    private static boolean isQuoted(String value) {
        return value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"';
    }

    // RFC 8941 sf-string: "..." with \" and \\ as the only escapes.
    private static String unquote(String value, ReplyProblems problems) {
        if (!value.startsWith("\"")) {
            return value;
        }
        if (!isQuoted(value)) {
            throw problems.idempotencyKeyMalformed("An " + HEADER + " that starts with a quote must end with one.");
        }
        StringBuilder key = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                if (i + 1 >= value.length() - 1 || value.charAt(i + 1) != '"' && value.charAt(i + 1) != '\\') {
                    throw problems.idempotencyKeyMalformed("Inside quotes only \\\" and \\\\ are escapes.");
                }
                c = value.charAt(++i);
            } else if (c == '"') {
                throw problems.idempotencyKeyMalformed("A quote inside an " + HEADER + " must be escaped.");
            }
            key.append(c);
        }
        return key.toString();
    }

    private static String digest(String text) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
