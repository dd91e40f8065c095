package dev.holdline.tck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void comparesEmbeddedNumbersByValue() {
        List<String> ids = new ArrayList<>(List.of("CT-1.10", "LP-1.1", "CT-10.1", "CT-1.2", "CT-2.1", "CT-1.2.1", "CT-1.1"));
        ids.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("CT-1.1", "CT-1.2", "CT-1.2.1", "CT-1.10", "CT-2.1", "CT-10.1", "LP-1.1"), ids);
    }

    @Test
    void staysTotalForEqualValues() {
        List<String> values = new ArrayList<>(List.of("a01", "a1", "a001"));
        values.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("a001", "a01", "a1"), values);
    }
}
