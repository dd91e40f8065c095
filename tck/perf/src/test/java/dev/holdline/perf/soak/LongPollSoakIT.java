package dev.holdline.perf.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.perf.client.Container;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bounded soak of issue 3 item 9 at CI size (2,000 cycles per container, a fifth of them reset
 * mid-wait): afterwards no request is left parked and the heap has not grown. The full size is
 * {@code -Dholdline.perf.soak.cycles=20000}; see docs/performance.md.
 */
class LongPollSoakIT {

    static Stream<Container> containers() {
        return Container.parse(System.getProperty("holdline.perf.soak.containers", "undertow,tomcat")).stream();
    }

    @ParameterizedTest
    @MethodSource("containers")
    void abruptDisconnectsLeaveNothingParkedAndNoHeapGrowth(Container container) throws Exception {
        SoakSettings settings = SoakSettings.of(Integer.getInteger("holdline.perf.soak.cycles", 2000));
        Path log = Path.of(System.getProperty("holdline.perf.logDir", "target/perf-logs"), "soak-it-" + container + ".log");

        SoakResult result = LongPollSoak.run(container, settings, log);

        System.out.println(result.summary());
        assertEquals(settings.cycles(), result.answered() + result.aborted(), "cycles run");
        assertEquals(Math.round(settings.cycles() * settings.abortShare()), result.aborted(), "cycles reset mid-wait");
        assertEquals(0, result.failures(), "unexpected answers or lost connections; see the test output");
        assertEquals(0, result.parkedAfter(), "requests still parked 30 s after the last cycle");
        assertTrue(result.heapGrowthBytes() <= settings.heapToleranceBytes(), result.summary());
    }
}
