package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemTest {

    private static final URI TYPE = URI.create("https://holdline.dev/problems/cursor-expired");

    @Test
    void writesStandardMembersFirstThenExtensionsInOrder() {
        Problem problem = Problem.builder(TYPE, 410)
                .title("Cursor expired")
                .detail("The cursor is older than the topic's retention.")
                .instance(URI.create("/events/prices"))
                .extension("reason", "expired")
                .extension("cursor", "e1.42")
                .extension("retryable", false)
                .extension("lost", 17)
                .extension("ratio", 0.5)
                .extension("nothing", null)
                .extension("errors", List.of(Map.of("pointer", "#/wait"), "x"))
                .extension("nested", Map.of("deeper", Map.of("list", List.of(1, 2))))
                .build();
        assertEquals("{\"type\":\"https://holdline.dev/problems/cursor-expired\",\"title\":\"Cursor expired\","
                + "\"status\":410,\"detail\":\"The cursor is older than the topic's retention.\","
                + "\"instance\":\"/events/prices\",\"reason\":\"expired\",\"cursor\":\"e1.42\",\"retryable\":false,"
                + "\"lost\":17,\"ratio\":0.5,\"nothing\":null,\"errors\":[{\"pointer\":\"#/wait\"},\"x\"],"
                + "\"nested\":{\"deeper\":{\"list\":[1,2]}}}", problem.toJson());
    }

    @Test
    void leavesOutAbsentOptionalMembers() {
        Problem problem = Problem.builder(TYPE, 400).build();
        assertEquals("{\"type\":\"https://holdline.dev/problems/cursor-expired\",\"status\":400}", problem.toJson());
        assertEquals(Optional.empty(), problem.title());
        assertEquals(Optional.empty(), problem.detail());
        assertEquals(Optional.empty(), problem.instance());
        assertEquals(Map.of(), problem.extensions());
        assertEquals(problem.toJson(), problem.toString());
    }

    @Test
    void escapesTextMembers() {
        Problem problem = Problem.builder(TYPE, 400).detail("bad \"wait\": \\ \n\u0000\u2028").build();
        assertTrue(problem.toJson().contains("\"detail\":\"bad \\\"wait\\\": \\\\ \\n\\u0000\\u2028\""), problem.toJson());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"type", "title", "status", "detail", "instance"})
    void rejectsExtensionsNamedLikeStandardMembers(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Problem.builder(TYPE, 400).extension(name, "x"));
        assertTrue(e.getMessage().contains("collides"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Problem.builder(TYPE, 400).extensions(Map.of(name, 1)));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "1abc", "_abc", "with-hyphen", "with space", "caf\u00e9", "a.b"})
    void rejectsExtensionNamesRfc9457AdvisesAgainst(String name) {
        assertThrows(IllegalArgumentException.class, () -> Problem.builder(TYPE, 400).extension(name, "x"));
    }

    @Test
    void acceptsExtensionNamesThatOnlyDifferInCaseFromStandardOnes() {
        assertEquals(Map.of("Type", "x", "retry_after2", 1),
                Problem.builder(TYPE, 400).extension("Type", "x").extension("retry_after2", 1).build().extensions());
    }

    @Test
    void rejectsValuesThatAreNotJson() {
        assertThrows(IllegalArgumentException.class, () -> Problem.builder(TYPE, 400).extension("when", new Object()));
        assertThrows(IllegalArgumentException.class, () -> Problem.builder(TYPE, 400).extension("n", Double.NaN));
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                () -> Problem.builder(TYPE, 400).extension("outer", Map.of("inner", List.of(1, Double.POSITIVE_INFINITY))));
        assertTrue(nested.getMessage().contains("extension 'outer'.inner[1]"), nested.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Problem.builder(TYPE, 400).extension("m", Map.of(1, 2)));
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertThrows(IllegalArgumentException.class, () -> Problem.builder(TYPE, 400).extension("c", cyclic));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {-1, 0, 200, 304, 399, 600, 1000})
    void rejectsStatusesThatAreNotErrors(int status) {
        assertThrows(IllegalArgumentException.class, () -> Problem.builder(TYPE, status));
    }

    @Test
    void acceptsErrorStatuses() {
        assertEquals(400, Problem.builder(TYPE, 400).build().status());
        assertEquals(599, Problem.builder(TYPE, 599).build().status());
    }

    @Test
    void requiresAType() {
        assertThrows(NullPointerException.class, () -> Problem.builder(null, 400));
    }

    @Test
    void isNotChangedByLaterChangesToTheValuesPassedIn() {
        List<Object> list = new ArrayList<>(List.of("a"));
        Map<String, Object> map = new HashMap<>(Map.of("k", "v"));
        AtomicInteger counter = new AtomicInteger(1);
        Problem problem = Problem.builder(TYPE, 400).extension("list", list).extension("map", map)
                .extension("counter", counter).build();
        list.add("b");
        map.put("k2", "v2");
        counter.incrementAndGet();
        assertEquals(List.of("a"), problem.extensions().get("list"));
        assertEquals(Map.of("k", "v"), problem.extensions().get("map"));
        assertEquals(new BigDecimal("1"), problem.extensions().get("counter"));
        assertThrows(UnsupportedOperationException.class, () -> problem.extensions().put("x", 1));
        @SuppressWarnings("unchecked")
        List<Object> copied = (List<Object>) problem.extensions().get("list");
        assertThrows(UnsupportedOperationException.class, () -> copied.add("c"));
    }

    @Test
    void theBuilderCanBeReusedWithoutAffectingBuiltProblems() {
        Problem.Builder builder = Problem.builder(TYPE, 400).extension("a", 1);
        Problem first = builder.build();
        builder.extension("b", 2).title("t");
        assertEquals(Map.of("a", 1), first.extensions());
        assertEquals(Optional.empty(), first.title());
    }

    @Test
    void keepsNullsInsideListsAndMaps() {
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("k", null);
        Problem problem = Problem.builder(TYPE, 400).extension("l", Arrays.asList(1, null)).extension("m", withNull).build();
        assertTrue(problem.toJson().endsWith("\"l\":[1,null],\"m\":{\"k\":null}}"), problem.toJson());
    }

    @Test
    void comparesByValue() {
        Problem a = Problem.builder(TYPE, 400).title("t").extension("x", List.of(1)).build();
        Problem b = Problem.builder(TYPE, 400).title("t").extension("x", List.of(1)).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Problem.builder(TYPE, 401).title("t").extension("x", List.of(1)).build());
        assertNotEquals(a, Problem.builder(TYPE, 400).title("t").build());
    }
}
