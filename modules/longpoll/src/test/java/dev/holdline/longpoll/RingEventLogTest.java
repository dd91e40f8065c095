package dev.holdline.longpoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RingEventLogTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void startsEmptyBeforePositionOne() {
        RingEventLog log = new RingEventLog(3);
        assertEquals(0, log.newestPosition());
        assertEquals(1, log.oldestPosition());
        assertEquals(List.of(), log.readAfter(0, 10));
    }

    @Test
    void appendsAndReadsAfterAPositionWithALimit() {
        RingEventLog log = new RingEventLog(10);
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, log.append("t", Integer.toString(i), T0));
        }
        assertEquals(List.of(2L, 3L), positions(log.readAfter(1, 2)));
        assertEquals(List.of(4L, 5L), positions(log.readAfter(3, 100)));
        assertEquals(List.of(), log.readAfter(5, 100));
        assertEquals("3", log.readAfter(2, 1).get(0).data());
    }

    @Test
    void dropsTheOldestBeyondItsCapacity() {
        RingEventLog log = new RingEventLog(3);
        for (int i = 1; i <= 7; i++) {
            log.append("t", "null", T0);
        }
        assertEquals(5, log.oldestPosition());
        assertEquals(7, log.newestPosition());
        assertEquals(List.of(5L, 6L, 7L), positions(log.readAfter(0, 100)));
        assertEquals(List.of(6L, 7L), positions(log.readAfter(5, 100)));
    }

    @Test
    void expiresByAge() {
        RingEventLog log = new RingEventLog(10);
        log.append("t", "1", T0);
        log.append("t", "2", T0.plusSeconds(10));
        log.append("t", "3", T0.plusSeconds(20));
        log.expireBefore(T0.plusSeconds(15));
        assertEquals(3, log.oldestPosition());
        log.expireBefore(T0.plusSeconds(60));
        assertEquals(4, log.oldestPosition());
        assertEquals(3, log.newestPosition());
        assertEquals(List.of(), log.readAfter(0, 10));
        assertEquals(4, log.append("t", "4", T0.plusSeconds(61)));
        assertEquals(List.of(4L), positions(log.readAfter(0, 10)));
    }

    @Test
    void everyLogHasItsOwnLowerCaseBase36Epoch() {
        String a = new RingEventLog(1).epoch();
        String b = new RingEventLog(1).epoch();
        assertNotEquals(a, b);
        assertTrue(a.matches("[0-9a-z]{1,13}"), a);
    }

    @Test
    void refusesAnEmptyRing() {
        assertThrows(IllegalArgumentException.class, () -> new RingEventLog(0));
    }

    private static List<Long> positions(List<LoggedEvent> events) {
        return events.stream().map(LoggedEvent::position).toList();
    }
}
