package dev.holdline.coalesce.servlet;

import dev.holdline.http.EntityTagCondition;

/**
 * The request-side verdict: either a reason to run the chain uncoalesced, or the request's key and its own
 * {@code If-None-Match} condition (null if it has none), which stays out of the key.
 */
record Admission(BypassReason bypass, RequestKey key, EntityTagCondition condition) {

    static Admission bypass(BypassReason reason) {
        return new Admission(reason, null, null);
    }

    static Admission coalesce(RequestKey key, EntityTagCondition condition) {
        return new Admission(null, key, condition);
    }

    boolean coalesced() {
        return bypass == null;
    }
}
