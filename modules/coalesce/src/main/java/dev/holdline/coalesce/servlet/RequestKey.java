package dev.holdline.coalesce.servlet;

import java.util.List;

/**
 * What makes two requests identical for the filter: method, request URI as sent (context path included,
 * not decoded, path parameters kept), raw query string, and the field lines of every keyed request header
 * in a fixed order (an absent header is an empty list, so absent and empty differ). Nothing is
 * normalised: two spellings of one resource are two keys, which costs an execution but never shares a
 * wrong answer.
 *
 * <p>With {@code key-by-credential} the values hold credentials while the request is in flight;
 * {@link #toString()} therefore shows only method, URI and query.
 */
record RequestKey(String method, String uri, String query, List<List<String>> headerValues) {

    RequestKey {
        headerValues = List.copyOf(headerValues);
    }

    @Override
    public String toString() {
        return method + " " + uri + (query == null ? "" : "?" + query);
    }
}
