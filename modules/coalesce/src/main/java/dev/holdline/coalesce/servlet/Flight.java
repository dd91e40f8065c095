package dev.holdline.coalesce.servlet;

import java.util.ArrayList;
import java.util.List;

/**
 * One leader's execution of a key and the followers parked behind it.
 *
 * <p>The handoff is a short lock on this object: a follower joins only while no outcome is set, and the
 * leader sets the outcome and takes the list in one step, so a follower either is in the list the leader
 * delivers to or learns from {@link #join} that the outcome is already there and takes it itself. Nobody
 * can join after the list is taken and then wait for a delivery that never comes. The leader removes the
 * flight from the filter's map before it lands, so a request arriving afterwards starts a new execution.
 */
final class Flight {

    private final RequestKey key;
    private List<Follower> followers = new ArrayList<>();
    private Outcome outcome;

    Flight(RequestKey key) {
        this.key = key;
    }

    RequestKey key() {
        return key;
    }

    /** Adds a follower unless the outcome is known; false means: read {@link #outcome()} yourself. */
    synchronized boolean join(Follower follower) {
        if (outcome != null) {
            return false;
        }
        followers.add(follower);
        return true;
    }

    /** Forgets a follower that stopped waiting (timed out, disconnected). */
    synchronized void leave(Follower follower) {
        if (outcome == null) {
            followers.remove(follower);
        }
    }

    /** Sets the outcome and hands over the followers to deliver it to; later joins are refused. */
    synchronized List<Follower> land(Outcome landed) {
        outcome = landed;
        List<Follower> parked = followers;
        followers = List.of();
        return parked;
    }

    synchronized Outcome outcome() {
        return outcome;
    }

    /** The followers parked now, for the filter's shutdown. */
    synchronized List<Follower> parked() {
        return List.copyOf(followers);
    }
}
