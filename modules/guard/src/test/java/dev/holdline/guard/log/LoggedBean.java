package dev.holdline.guard.log;

import dev.holdline.guard.trace.TestRejection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;

/** {@link Logged} methods for the tests. */
@ApplicationScoped
@Logged
public class LoggedBean {

    public String plain(String text) {
        return text;
    }

    public String rejects() {
        throw TestRejection.rateLimited();
    }

    public String fails() {
        throw new IllegalStateException("secret detail");
    }

    public CompletableFuture<String> later(CompletableFuture<String> result) {
        return result;
    }
}
