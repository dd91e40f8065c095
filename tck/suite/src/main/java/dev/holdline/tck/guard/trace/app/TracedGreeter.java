package dev.holdline.tck.guard.trace.app;

import dev.holdline.guard.trace.Traced;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Deployed: a {@link Traced} bean whose results, exceptions and stages must pass through unchanged. */
@ApplicationScoped
@Traced
public class TracedGreeter {

    public String greet(String name) {
        return "hello " + name;
    }

    @Traced("tck-greet-later")
    public CompletionStage<String> greetLater(String name) {
        return CompletableFuture.supplyAsync(() -> "later " + name);
    }

    public String refuse() {
        throw new TckRejection();
    }

    public String fail(String name) {
        throw new IllegalArgumentException("no greeting for " + name);
    }
}
