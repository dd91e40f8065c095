package dev.holdline.longpoll;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Publish, deadline, shutdown and container callbacks racing for the same waiters. */
class ParkingLotRaceTest {

    /** Counts what a request would have received. */
    static final class CountingDelivery implements Delivery {
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicInteger abandoned = new AtomicInteger();
        volatile int status;

        @Override
        public void deliver(Reply reply) {
            status = reply.status();
            delivered.incrementAndGet();
        }

        @Override
        public void abandon() {
            abandoned.incrementAndGet();
        }

        int endings() {
            return delivered.get() + abandoned.get();
        }
    }

    private final LongPollRuntime runtime = new LongPollRuntime(LongPollSettingsTest.settings(
            Map.of("holdline.longpoll.topics", "a,b")), "race", Clock.systemUTC());
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void close() {
        pool.shutdownNow();
        runtime.close();
    }

    private CountingDelivery park(Topic topic, Duration wait) {
        ParkingLot lot = runtime.lot();
        assertNull(lot.reserve(topic));
        CountingDelivery delivery = new CountingDelivery();
        Waiter waiter = lot.waiter(topic, Cursor.parse(topic.currentCursor()), 100, delivery);
        lot.park(waiter, wait);
        return delivery;
    }

    @Test
    void exactlyOneOfManyClaimsWins() throws Exception {
        Topic topic = runtime.registry().topic("a");
        for (int round = 0; round < 500; round++) {
            assertNull(runtime.lot().reserve(topic));
            Waiter waiter = runtime.lot().waiter(topic, Cursor.parse(topic.currentCursor()), 1, new CountingDelivery());
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger wins = new AtomicInteger();
            List<java.util.concurrent.Future<?>> claims = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    if (waiter.claim()) {
                        wins.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> claim : claims) {
                claim.get();
            }
            assertEquals(1, wins.get());
        }
        assertEquals(0, runtime.parked());
        assertEquals(0, runtime.parked("a"));
    }

    @Test
    void publishDeadlineAndAbandonRaceButEveryRequestEndsOnce() throws Exception {
        Topic topic = runtime.registry().topic("a");
        List<CountingDelivery> deliveries = new ArrayList<>();
        List<Waiter> abandonable = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        java.util.concurrent.Future<?> publisher = pool.submit(() -> {
            while (done.getCount() > 0) {
                runtime.topics().publish("a", "tick", "1");
            }
            return null;
        });
        for (int i = 0; i < 2000; i++) {
            ParkingLot lot = runtime.lot();
            assertNull(lot.reserve(topic));
            CountingDelivery delivery = new CountingDelivery();
            Waiter waiter = lot.waiter(topic, Cursor.parse(topic.currentCursor()), 10, delivery);
            deliveries.add(delivery);
            lot.park(waiter, Duration.ofNanos(ThreadLocalRandom.current().nextLong(2_000_000)));
            if (i % 3 == 0) {
                pool.submit(() -> lot.abandon(waiter));
            }
        }
        done.countDown();
        publisher.get();
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.stream().allMatch(d -> d.endings() >= 1));
        for (CountingDelivery delivery : deliveries) {
            assertEquals(1, delivery.endings());
            if (delivery.delivered.get() == 1) {
                // 410 is legitimate too: the publisher may outrun the retention of 1000 events.
                assertTrue(delivery.status == 200 || delivery.status == 304 || delivery.status == 410, "status " + delivery.status);
            }
        }
        assertEquals(0, runtime.parked());
        assertEquals(0, runtime.parked("a"));
        assertTrue(topic.waiters.isEmpty());
    }

    @Test
    void shutdownRacingWithParkingAnswersEveryRequestOnce() throws Exception {
        Topic topic = runtime.registry().topic("b");
        List<CountingDelivery> deliveries = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch halfway = new CountDownLatch(1);
        java.util.concurrent.Future<?> parker = pool.submit(() -> {
            for (int i = 0; i < 2000; i++) {
                if (i == 1000) {
                    halfway.countDown();
                }
                if (runtime.lot().reserve(topic) != null) {
                    continue;
                }
                CountingDelivery delivery = new CountingDelivery();
                deliveries.add(delivery);
                runtime.lot().park(runtime.lot().waiter(topic, Cursor.parse(topic.currentCursor()), 10, delivery),
                        Duration.ofMinutes(1));
            }
            return null;
        });
        halfway.await();
        runtime.beginShutdown();
        parker.get();
        synchronized (deliveries) {
            for (CountingDelivery delivery : deliveries) {
                assertEquals(1, delivery.delivered.get());
                assertEquals(503, delivery.status);
            }
        }
        assertEquals(0, runtime.parked());
        assertEquals(0, runtime.parked("b"));
    }

    @Test
    void capacityIsEnforcedGloballyAndPerTopic() {
        LongPollRuntime small = new LongPollRuntime(LongPollSettingsTest.settings(Map.of("holdline.longpoll.topics", "a,b",
                "holdline.longpoll.max-parked", "3", "holdline.longpoll.max-parked-per-topic", "2")), "small", Clock.systemUTC());
        try {
            Topic a = small.registry().topic("a");
            Topic b = small.registry().topic("b");
            assertNull(small.lot().reserve(a));
            assertNull(small.lot().reserve(a));
            assertEquals(503, small.lot().reserve(a).status());
            assertNull(small.lot().reserve(b));
            assertEquals(503, small.lot().reserve(b).status());
            assertEquals(3, small.parked());
            small.lot().unreserve(a);
            small.lot().unreserve(a);
            small.lot().unreserve(b);
            assertEquals(0, small.parked());
        } finally {
            small.close();
        }
    }
}
