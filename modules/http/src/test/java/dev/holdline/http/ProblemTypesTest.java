package dev.holdline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemTypesTest {

    @Test
    void theDefaultBaseIsDocumented() {
        assertEquals("https://holdline.dev/problems/", ProblemTypes.DEFAULT_BASE);
        assertEquals(URI.create("https://holdline.dev/problems/deadline-exceeded"), ProblemTypes.defaults().type("deadline-exceeded"));
        assertEquals("holdline.http.problem-base", ProblemTypes.BASE_KEY);
    }

    @Test
    void typesEndInProblemsSlashName() {
        ProblemTypes types = ProblemTypes.of("https://api.example.com/v2/problems/");
        assertEquals(URI.create("https://api.example.com/v2/problems/over-capacity"), types.type("over-capacity"));
        assertEquals(URI.create("https://api.example.com/v2/problems/"), types.base());
        assertEquals("https://api.example.com/v2/problems/", types.toString());
    }

    @Test
    void addsTheMissingFinalSlash() {
        assertEquals(URI.create("http://localhost:8080/problems/x"), ProblemTypes.of("http://localhost:8080/problems").type("x"));
    }

    @Test
    void buildsProblemsOfANamedType() {
        Problem problem = ProblemTypes.defaults().problem("unknown-topic", 404).title("Unknown topic").build();
        assertEquals(URI.create("https://holdline.dev/problems/unknown-topic"), problem.type());
        assertEquals(404, problem.status());
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {
        "", "/problems/", "problems/", "https://holdline.dev/", "https://holdline.dev/errors/",
        "https://holdline.dev/problems/?x=1", "https://holdline.dev/problems/#frag", "urn:holdline:problems/",
        "https://holdline.dev/myproblems/", "https://holdline.dev/problems/x/", "not a uri", "https://holdline.dev"})
    void rejectsBasesThatWouldNotYieldStableProblemUris(String base) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProblemTypes.of(base));
        assertTrue(e.getMessage().contains("'" + base + "'"), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "Upper", "two words", "trailing-", "-leading", "double--hyphen", "under_score", "a/b", "..", "caf\u00e9"})
    void rejectsProblemNamesThatAreNotLowerCaseHyphenatedWords(String name) {
        assertThrows(IllegalArgumentException.class, () -> ProblemTypes.defaults().type(name));
    }
}
