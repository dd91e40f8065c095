package dev.holdline.coalesce.cdi;

import java.util.Arrays;

/** The key of one coalesced call: the arguments that count, compared by content (arrays too). */
final class CallKey {

    private final Object[] arguments;
    private final int hash;

    CallKey(Object[] arguments) {
        this.arguments = arguments;
        this.hash = Arrays.deepHashCode(arguments);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallKey key && hash == key.hash && Arrays.deepEquals(arguments, key.arguments);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.deepToString(arguments);
    }
}
