package dev.holdline.tck.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AssertionIdsTest {

    @Assertion("CT-9.1")
    static class Annotated {
        @Assertion({"CT-1.2", "CT-1.1"})
        @Assertion("LP-3.10")
        void repeated() {
        }

        void bare() {
        }

        @Assertion("ct-1")
        void malformed() {
        }
    }

    @Test
    void collectsRepeatedIdsFromMethodAndClassSorted() throws Exception {
        assertEquals(Set.of("CT-1.1", "CT-1.2", "CT-9.1", "LP-3.10"),
                AssertionIds.of(Annotated.class.getDeclaredMethod("repeated")));
    }

    @Test
    void classIdsApplyToUnannotatedMethods() throws Exception {
        assertEquals(Set.of("CT-9.1"), AssertionIds.of(Annotated.class.getDeclaredMethod("bare")));
    }

    @Test
    void rejectsMalformedIds() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AssertionIds.of(Annotated.class.getDeclaredMethod("malformed")));
        assertEquals(true, e.getMessage().contains("'ct-1'"));
    }
}
