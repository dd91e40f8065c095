package dev.holdline.guard.concurrency;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CountDownLatch;

/** Test bean: one limit for all its methods, declared on the class. */
@ApplicationScoped
@ConcurrencyLimit(max = 1)
public class SharedWorkers {

    public String first(CountDownLatch gate) throws InterruptedException {
        return Workers.hold(gate);
    }

    public String second() {
        return "second";
    }
}
