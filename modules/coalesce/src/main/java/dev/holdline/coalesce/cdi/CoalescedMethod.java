package dev.holdline.coalesce.cdi;

import dev.holdline.coalesce.Coalescer;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

/** One {@link Coalesced} method as the interceptor uses it: its coalescer, the arguments of its key, how it returns. */
final class CoalescedMethod {

    final Coalescer<CallKey, Object> coalescer;
    final Duration waitTimeout;
    final boolean returnsStage;
    private final int[] keyParameters;

    private CoalescedMethod(Coalescer<CallKey, Object> coalescer, Duration waitTimeout, boolean returnsStage, int[] keyParameters) {
        this.coalescer = coalescer;
        this.waitTimeout = waitTimeout;
        this.returnsStage = returnsStage;
        this.keyParameters = keyParameters;
    }

    /** @param settings the binding's values, or null for the defaults (no wait timeout, no ttl) */
    static CoalescedMethod of(Method method, Coalesced settings) {
        long waitAmount = settings == null ? 0 : settings.waitTimeout();
        long ttlAmount = settings == null ? 0 : settings.ttl();
        if (waitAmount < 0 || ttlAmount < 0) {
            throw new IllegalArgumentException("@Coalesced on " + method + ": waitTimeout and ttl must not be negative");
        }
        Duration waitTimeout = waitAmount > 0 ? Duration.of(waitAmount, settings.unit()) : null;
        Duration ttl = ttlAmount > 0 ? Duration.of(ttlAmount, settings.unit()) : Duration.ZERO;
        Class<?> returns = method.getReturnType();
        boolean returnsStage = CompletionStage.class.isAssignableFrom(returns);
        if (returnsStage && !returns.isAssignableFrom(CompletableFuture.class)) {
            throw new IllegalArgumentException("@Coalesced on " + method + ": a stage must be returned as CompletionStage or "
                    + "CompletableFuture, not " + returns.getName() + ", since callers get a CompletableFuture of their own");
        }
        Parameter[] parameters = method.getParameters();
        int[] marked = IntStream.range(0, parameters.length)
                .filter(i -> parameters[i].isAnnotationPresent(CoalesceKey.class)).toArray();
        int[] keyParameters = marked.length > 0 ? marked : IntStream.range(0, parameters.length).toArray();
        return new CoalescedMethod(Coalescer.builder().ttl(ttl).build(), waitTimeout, returnsStage, keyParameters);
    }

    CallKey keyOf(Object[] arguments) {
        Object[] key = new Object[keyParameters.length];
        for (int i = 0; i < keyParameters.length; i++) {
            key[i] = arguments[keyParameters[i]];
        }
        return new CallKey(key);
    }
}
