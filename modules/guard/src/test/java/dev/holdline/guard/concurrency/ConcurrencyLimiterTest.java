package dev.holdline.guard.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The bulkhead on its own: slots, the line, hand-over and leaving the line. */
class ConcurrencyLimiterTest {

    private final ConcurrencyLimiter limiter = new ConcurrencyLimiter("test", 1, 2, Duration.ofSeconds(5), Duration.ofSeconds(1));

    @Test
    void aReleasedSlotGoesToTheFirstInLineNotToANewcomer() {
        ConcurrencyLimiter.Permit held = limiter.tryAcquire();
        assertNotNull(held);
        CompletableFuture<ConcurrencyLimiter.Permit> first = limiter.enqueue();
        CompletableFuture<ConcurrencyLimiter.Permit> second = limiter.enqueue();
        assertNull(limiter.enqueue(), "the line has two places");

        assertTrue(held.release());
        assertFalse(held.release(), "a second release does nothing");
        assertTrue(first.isDone());
        assertFalse(second.isDone());
        assertNull(limiter.tryAcquire(), "a newcomer does not overtake the line");
        assertEquals(1, limiter.stats().inFlight());

        first.join().release();
        second.join().release();
        ConcurrencyLimitStats stats = limiter.stats();
        assertEquals(0, stats.inFlight());
        assertEquals(0, stats.queued());
        assertEquals(3, stats.admitted());
    }

    @Test
    void leavingTheLineEitherCountsARefusalOrKeepsASlotHandedOverMeanwhile() {
        ConcurrencyLimiter.Permit held = limiter.tryAcquire();
        CompletableFuture<ConcurrencyLimiter.Permit> gaveUp = limiter.enqueue();
        assertTrue(limiter.abandon(gaveUp));
        assertEquals(1, limiter.stats().rejected());
        assertEquals(0, limiter.stats().queued());

        CompletableFuture<ConcurrencyLimiter.Permit> late = limiter.enqueue();
        held.release();
        assertFalse(limiter.abandon(late), "the slot arrived first: the caller holds it");
        assertEquals(1, limiter.stats().inFlight());
        late.join().release();
        assertEquals(0, limiter.stats().inFlight());
    }

    @Test
    void aBlockingWaiterGivesUpAfterMaxWait() {
        ConcurrencyLimiter impatient = new ConcurrencyLimiter("impatient", 1, 1, Duration.ofMillis(100), Duration.ofSeconds(2));
        ConcurrencyLimiter.Permit held = impatient.tryAcquire();
        ConcurrencyLimitExceededException refused = assertThrows(ConcurrencyLimitExceededException.class, impatient::acquire);
        assertEquals(503, refused.status());
        assertEquals(Duration.ofSeconds(2), refused.retryAfter().orElseThrow());
        assertEquals(0, impatient.stats().queued());
        held.release();
        assertEquals(0, impatient.stats().inFlight());
    }

    @Test
    void nonsenseLimitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ConcurrencyLimiter("x", 0, 0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new ConcurrencyLimiter("x", 1, -1, Duration.ZERO, Duration.ZERO));
    }
}
