/**
 * The HTTP grammar every Holdline module shares: {@code Prefer} and {@code Preference-Applied}
 * (RFC 7240), {@code Retry-After} and HTTP dates (RFC 9110), problem details (RFC 9457), entity tags
 * and conditional request lists, duration parsing and the {@code holdline.<module>.<name>} configuration
 * lookup. Nothing here needs more than the Servlet API, and most of it needs not even that.
 */
package dev.holdline.http;
