package dev.holdline.http;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The preferences of a request: every {@code Prefer} field line (RFC 7240) parsed into
 * {@link Preference}s, with typed accessors for the preferences Holdline understands.
 *
 * <p>Parsing never fails. RFC 7240 asks servers to ignore preferences they do not understand, so an
 * element that breaks the grammar is dropped (and listed by {@link #malformedElements()}) while the
 * rest of the list still counts; a preference sent more than once counts only the first time
 * (RFC 7240 section 2), even when that first occurrence is malformed.
 */
public final class Preferences {

    /** The request header name. */
    public static final String HEADER = "Prefer";

    /**
     * The largest {@code wait} reported, in seconds. Larger values saturate to it, as RFC 9111 does
     * for delta-seconds, rather than being discarded: a client asking for a very long wait still gets
     * the longest wait the server allows.
     */
    public static final long MAX_WAIT_SECONDS = 2_147_483_648L;

    private static final Preferences NONE = new Preferences(Map.of(), Set.of(), List.of());

    private final Map<String, Preference> byName;
    private final Set<String> malformedNames;
    private final List<String> malformedElements;

    private Preferences(Map<String, Preference> byName, Set<String> malformedNames, List<String> malformedElements) {
        this.byName = byName;
        this.malformedNames = malformedNames;
        this.malformedElements = malformedElements;
    }

    /** No preferences at all. */
    public static Preferences none() {
        return NONE;
    }

    /** Parses the {@code Prefer} field lines of a request. */
    public static Preferences of(HttpServletRequest request) {
        return parse(request.getHeaders(HEADER));
    }

    /** Parses field lines given as an enumeration, as the Servlet API hands them out; null means none. */
    public static Preferences parse(Enumeration<String> fieldValues) {
        return fieldValues == null ? NONE : parse(Collections.list(fieldValues));
    }

    /** Parses field values, each possibly a comma-separated list. */
    public static Preferences parse(String... fieldValues) {
        return parse(Arrays.asList(fieldValues));
    }

    /** Parses field values in order, each possibly a comma-separated list; null entries are skipped. */
    public static Preferences parse(Iterable<String> fieldValues) {
        Map<String, Preference> byName = new LinkedHashMap<>();
        Set<String> malformedNames = new HashSet<>();
        List<String> malformedElements = new ArrayList<>();
        for (String fieldValue : fieldValues) {
            if (fieldValue != null) {
                parseFieldValue(fieldValue, byName, malformedNames, malformedElements);
            }
        }
        if (byName.isEmpty() && malformedElements.isEmpty()) {
            return NONE;
        }
        return new Preferences(Collections.unmodifiableMap(byName), Collections.unmodifiableSet(malformedNames),
                Collections.unmodifiableList(malformedElements));
    }

    private static void parseFieldValue(String fieldValue, Map<String, Preference> byName,
            Set<String> malformedNames, List<String> malformedElements) {
        FieldScanner scanner = new FieldScanner(fieldValue);
        while (true) {
            scanner.skipWhitespace();
            if (scanner.atEnd()) {
                return;
            }
            if (scanner.consume(',')) {
                continue;
            }
            int start = scanner.position();
            try {
                Preference preference = parseElement(scanner);
                scanner.skipWhitespace();
                if (!scanner.atEnd() && !scanner.consume(',')) {
                    throw scanner.error("expected ',' or ';'");
                }
                if (!malformedNames.contains(preference.name())) {
                    byName.putIfAbsent(preference.name(), preference);
                }
            } catch (IllegalArgumentException ignoredAsRfc7240Asks) {
                scanner.reset(start);
                boolean passedComma = scanner.skipToNextElement();
                String raw = fieldValue.substring(start, scanner.position() - (passedComma ? 1 : 0)).strip();
                malformedElements.add(raw);
                String name = new FieldScanner(raw).token().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !byName.containsKey(name)) {
                    malformedNames.add(name);
                }
            }
        }
    }

    private static Preference parseElement(FieldScanner scanner) {
        String name = scanner.token();
        if (name.isEmpty()) {
            throw scanner.error("expected a preference name");
        }
        String value = optionalValue(scanner);
        Map<String, String> parameters = new LinkedHashMap<>();
        while (true) {
            scanner.skipWhitespace();
            if (!scanner.consume(';')) {
                break;
            }
            scanner.skipWhitespace();
            if (scanner.atEnd() || scanner.peekIs(';') || scanner.peekIs(',')) {
                continue; // "[ OWS parameter ]": an empty parameter is allowed
            }
            String parameterName = scanner.token();
            if (parameterName.isEmpty()) {
                throw scanner.error("expected a parameter name");
            }
            parameters.putIfAbsent(parameterName.toLowerCase(Locale.ROOT), optionalValue(scanner));
        }
        return new Preference(name, value, parameters);
    }

    private static String optionalValue(FieldScanner scanner) {
        int beforeWhitespace = scanner.position();
        scanner.skipWhitespace();
        if (!scanner.consume('=')) {
            scanner.reset(beforeWhitespace);
            return "";
        }
        scanner.skipWhitespace();
        // "wait=" is tolerated: RFC 7240 makes an empty value the same as no value.
        return scanner.word();
    }

    /** Every understood preference, first occurrences only, in the order received. */
    public List<Preference> all() {
        return List.copyOf(byName.values());
    }

    /** The preference with this name (case-insensitive), unless absent or malformed. */
    public Optional<Preference> get(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Whether a well-formed preference with this name (case-insensitive) was sent. */
    public boolean contains(String name) {
        return byName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The raw text of every list element that broke the {@code Prefer} grammar and was ignored. */
    public List<String> malformedElements() {
        return malformedElements;
    }

    /** Whether nothing, not even a malformed element, was sent. */
    public boolean isEmpty() {
        return byName.isEmpty() && malformedElements.isEmpty();
    }

    /**
     * The {@code wait} preference (RFC 7240 section 4.3) as a whole number of seconds. Empty when
     * absent or malformed; see {@link #waitMalformed()} to tell the two apart.
     */
    public Optional<Duration> waitTime() {
        Preference wait = byName.get("wait");
        if (wait == null) {
            return Optional.empty();
        }
        String value = wait.value();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        long seconds = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            seconds = Math.min(seconds * 10 + (c - '0'), MAX_WAIT_SECONDS);
        }
        return Optional.of(Duration.ofSeconds(seconds));
    }

    /**
     * Whether a {@code wait} preference was sent but could not be understood (not a non-negative
     * integer, no value, or broken syntax), and is therefore treated as absent.
     */
    public boolean waitMalformed() {
        return malformedNames.contains("wait") || byName.containsKey("wait") && waitTime().isEmpty();
    }

    /**
     * Whether {@code respond-async} (RFC 7240 section 4.1) was sent. The preference takes no value; one
     * sent with a value is not understood and so ignored.
     */
    public boolean respondAsync() {
        Preference respondAsync = byName.get("respond-async");
        return respondAsync != null && !respondAsync.hasValue();
    }

    /** The {@code return} preference (RFC 7240 section 4.2), unless absent or with an unknown value. */
    public Optional<ReturnPreference> returnPreference() {
        return get("return").flatMap(p -> ReturnPreference.fromToken(p.value()));
    }

    /** The {@code handling} preference (RFC 7240 section 4.4), unless absent or with an unknown value. */
    public Optional<HandlingPreference> handling() {
        return get("handling").flatMap(p -> HandlingPreference.fromToken(p.value()));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Preference preference : byName.values()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(preference);
        }
        return text.toString();
    }
}
