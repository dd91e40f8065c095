package dev.holdline.guard.trace;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;

/** {@link Traced} methods for the tests. */
@ApplicationScoped
public class TracedBean {

    @Traced
    public String plain(String text) {
        return text.toUpperCase(java.util.Locale.ROOT);
    }

    @Traced("checkout")
    public String named() {
        return "named";
    }

    @Traced
    public String fails() {
        throw new IllegalStateException("boom");
    }

    @Traced
    public String rejects() {
        throw TestRejection.rateLimited();
    }

    @Traced
    public String expires() {
        throw TestRejection.deadlineExceeded();
    }

    @Traced
    public CompletableFuture<String> later(CompletableFuture<String> result) {
        return result;
    }
}
