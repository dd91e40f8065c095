package dev.holdline.reply;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456Z");
    private static final Instant T1 = T0.plusSeconds(1);

    private static Operation fresh() {
        return Operation.accepted(OperationIds.newId(), "report", T0, T0.plusSeconds(3600), null,
                new Lease("node-a", T0.plusSeconds(30)));
    }

    @Test
    void terminalStatusesBecomeNothing() {
        for (OperationStatus terminal : EnumSet.of(OperationStatus.Succeeded, OperationStatus.Failed, OperationStatus.Canceled)) {
            assertTrue(terminal.isTerminal());
            for (OperationStatus next : OperationStatus.values()) {
                assertFalse(terminal.canBecome(next), terminal + " -> " + next);
            }
        }
    }

    @Test
    void transitionTableIsAsDesigned() {
        assertEquals(EnumSet.of(OperationStatus.Running, OperationStatus.Canceled, OperationStatus.Failed),
                successors(OperationStatus.NotStarted));
        assertEquals(EnumSet.of(OperationStatus.Canceling, OperationStatus.Succeeded, OperationStatus.Failed),
                successors(OperationStatus.Running));
        assertEquals(EnumSet.of(OperationStatus.Canceled, OperationStatus.Succeeded, OperationStatus.Failed),
                successors(OperationStatus.Canceling));
    }

    private static EnumSet<OperationStatus> successors(OperationStatus from) {
        EnumSet<OperationStatus> out = EnumSet.noneOf(OperationStatus.class);
        for (OperationStatus s : OperationStatus.values()) {
            if (from.canBecome(s)) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void lifeOfASuccessfulOperation() {
        Operation running = fresh().start(T1);
        assertEquals(OperationStatus.Running, running.status());
        Operation halfway = running.progress(50, "halfway", T1.plusSeconds(1));
        assertEquals(50, halfway.percentComplete());
        assertEquals("halfway", halfway.message());
        Operation done = halfway.succeed("/reports/7", null, T1.plusSeconds(2));
        assertEquals(OperationStatus.Succeeded, done.status());
        assertEquals(100, done.percentComplete());
        assertEquals("/reports/7", done.resourceLocation());
        assertNull(done.lease(), "a finished operation has no owner");
        assertEquals(T1.plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.MILLIS), done.lastActionDateTime());
        assertEquals(0, done.version(), "only stores advance the version");
    }

    @Test
    void nothingLeavesATerminalStatus() {
        Operation failed = fresh().start(T1).fail("{\"type\":\"x\"}", T1);
        assertThrows(IllegalTransitionException.class, () -> failed.start(T1));
        assertThrows(IllegalTransitionException.class, () -> failed.succeed(null, "{}", T1));
        assertThrows(IllegalTransitionException.class, () -> failed.cancel(T1));
        assertThrows(IllegalTransitionException.class, () -> failed.requestCancel(T1));
        assertThrows(IllegalTransitionException.class, () -> failed.progress(10, null, T1));
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> failed.fail("{}", T1));
        assertSame(failed, e.operation());
        assertEquals(OperationStatus.Failed, e.target());
    }

    @Test
    void cancelBeforeStartIsImmediateAndWhileRunningGoesThroughCanceling() {
        assertEquals(OperationStatus.Canceled, fresh().requestCancel(T1).status());
        Operation canceling = fresh().start(T1).requestCancel(T1);
        assertEquals(OperationStatus.Canceling, canceling.status());
        assertSame(canceling, canceling.requestCancel(T1), "asking again changes nothing");
        assertEquals(OperationStatus.Canceled, canceling.cancel(T1).status());
        assertThrows(IllegalTransitionException.class, () -> fresh().start(T1).cancel(T1),
                "running work goes through Canceling");
    }

    @Test
    void instantsAreKeptToTheMillisecond() {
        assertEquals(Instant.parse("2026-01-01T00:00:00.123Z"), fresh().createdDateTime());
    }

    @Test
    void invalidValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Operation.accepted("bad id!", "k", T0, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> fresh().progress(101, null, T1));
        assertThrows(IllegalArgumentException.class, () -> fresh().start(T1).succeed("/x", "{}", T1));
        assertThrows(IllegalArgumentException.class, () -> new IdempotencyKey("s", "k".repeat(256), "f"));
        assertThrows(IllegalArgumentException.class, () -> new IdempotencyKey("s", "", "f"));
    }

    @Test
    void idsAreUrlSafeAndChecked() {
        String id = OperationIds.newId();
        assertEquals(OperationIds.LENGTH, id.length());
        assertTrue(OperationIds.isWellFormed(id));
        assertFalse(OperationIds.isWellFormed(null));
        assertFalse(OperationIds.isWellFormed(""));
        assertFalse(OperationIds.isWellFormed("a/b"));
        assertFalse(OperationIds.isWellFormed("x".repeat(OperationIds.MAX_LENGTH + 1)));
    }
}
