package dev.holdline.tck.api;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class CapabilityConditionTest {

    /** Run through the test kit only, never directly (it is a nested static class without @Test discovery by name). */
    static class Sample {
        @Test
        @RequiresCapability(Capability.UNDEPLOY)
        void needsUndeploy() {
        }

        @Test
        @RequiresCapability({Capability.CDI, Capability.JAXRS})
        void needsCdiAndRest() {
        }

        @Test
        void needsNothing() {
        }
    }

    @AfterEach
    void reset() {
        System.clearProperty(Capability.PROPERTY);
    }

    private static Events run() {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(Sample.class)).execute().testEvents();
    }

    @Test
    void missingCapabilitySkipsAsNotApplicable() {
        System.setProperty(Capability.PROPERTY, " cdi , jaxrs ");
        Events events = run();
        events.assertStatistics(stats -> stats.started(2).succeeded(2).skipped(1));
        events.assertThatEvents().haveExactly(1, event(test("needsUndeploy"),
                skippedWithReason(reason -> reason.startsWith(CapabilityCondition.NOT_APPLICABLE) && reason.contains("undeploy"))));
    }

    @Test
    void everyRequiredCapabilityMustBePresent() {
        System.setProperty(Capability.PROPERTY, "undeploy,cdi");
        Events events = run();
        events.assertStatistics(stats -> stats.started(2).skipped(1));
        events.assertThatEvents().haveExactly(1, event(test("needsCdiAndRest"),
                skippedWithReason(reason -> reason.contains("jaxrs") && !reason.contains("cdi,"))));
    }

    @Test
    void undeclaredCapabilitiesRunEverything() {
        run().assertStatistics(stats -> stats.started(3).succeeded(3).skipped(0));
    }
}
