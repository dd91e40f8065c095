package dev.holdline.coalesce.servlet;

/**
 * How a leader's execution ended for its followers: a response they may share, or the reason they must
 * run the chain themselves.
 */
record Outcome(BypassReason reason, CapturedResponse response) {

    static Outcome shared(CapturedResponse response) {
        return new Outcome(null, response);
    }

    static Outcome notShared(BypassReason reason) {
        return new Outcome(reason, null);
    }

    boolean isShared() {
        return reason == null;
    }

    @Override
    public String toString() {
        return isShared() ? "shared " + response : "not shared (" + reason + ")";
    }
}
