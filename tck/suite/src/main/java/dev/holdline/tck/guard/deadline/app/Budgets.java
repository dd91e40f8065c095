package dev.holdline.tck.guard.deadline.app;

import dev.holdline.guard.deadline.cdi.Deadline;
import jakarta.enterprise.context.ApplicationScoped;

/** Deployed: a bean method with a short deadline, called from a resource method with a longer one. */
@ApplicationScoped
public class Budgets {

    /** The time left inside a 200 ms deadline, in milliseconds. */
    @Deadline(200)
    public long innerRemaining() {
        return dev.holdline.guard.deadline.Deadline.current().orElseThrow().remaining().toMillis();
    }
}
