package dev.holdline.reply;

import dev.holdline.http.JsonWriter;

import java.util.Objects;

/**
 * What a finished {@link OperationTask} produced: a resource that now exists (the status monitor then
 * answers {@code 303 See Other} to it), a result small enough to ride in the status document, or
 * nothing but success.
 */
public final class OperationOutcome {

    private static final OperationOutcome DONE = new OperationOutcome(null, null);

    private final String resourceLocation;
    private final String resultJson;

    private OperationOutcome(String resourceLocation, String resultJson) {
        this.resourceLocation = resourceLocation;
        this.resultJson = resultJson;
    }

    /**
     * @param location the URI (absolute, or a path of this server) of the created or changed resource
     * @return an outcome the status monitor redirects to
     */
    public static OperationOutcome resource(String location) {
        Objects.requireNonNull(location, "location");
        if (location.isBlank() || location.length() > Operation.MAX_LOCATION_LENGTH) {
            throw new IllegalArgumentException("location must be 1.." + Operation.MAX_LOCATION_LENGTH + " characters");
        }
        return new OperationOutcome(location, null);
    }

    /**
     * @param value a plain JSON value as {@link JsonWriter} writes it (null, Boolean, Number, String,
     *              List, Map with String keys)
     * @return an outcome whose {@code result} member is {@code value}
     */
    public static OperationOutcome result(Object value) {
        return new OperationOutcome(null, JsonWriter.toJson(value));
    }

    /** @return success with neither a resource nor a result */
    public static OperationOutcome done() {
        return DONE;
    }

    /** @return the resource's location, or null */
    public String resourceLocation() {
        return resourceLocation;
    }

    /** @return the result as JSON text, or null */
    public String resultJson() {
        return resultJson;
    }
}
