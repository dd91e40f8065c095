package dev.holdline.coalesce.cdi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.holdline.coalesce.CoalescedWaitTimeoutException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Coalesced} on a bean discovered by Weld from the jars' beans.xml, as in a WAR. */
class CoalescedInterceptorTest {

    private static WeldContainer weld;
    private static final ExecutorService CALLERS = Executors.newCachedThreadPool();

    private Catalogue catalogue;
    private CoalescedMethods methods;

    @BeforeAll
    static void boot() {
        weld = new Weld().initialize();
    }

    @AfterAll
    static void shutdown() {
        CALLERS.shutdownNow();
        weld.shutdown();
    }

    @BeforeEach
    void reset() {
        catalogue = weld.select(Catalogue.class).get();
        methods = weld.select(CoalescedMethods.class).get();
        catalogue.prepare();
    }

    private List<Future<String>> callConcurrently(int count, java.util.concurrent.Callable<String> call, String method)
            throws Exception {
        List<Future<String>> calls = new ArrayList<>();
        calls.add(CALLERS.submit(call));
        assertTrue(catalogue.awaitInside());
        for (int i = 1; i < count; i++) {
            calls.add(CALLERS.submit(call));
        }
        java.lang.reflect.Method target = Catalogue.class.getMethod(method, String.class);
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> methods.stats(target).joins() == count - 1);
        return calls;
    }

    @Test
    void concurrentEqualCallsRunOnceAndShareTheResult() throws Exception {
        List<Future<String>> calls = callConcurrently(30, () -> catalogue.lookup("42"), "lookup");
        catalogue.openGate();
        Set<String> results = new HashSet<>();
        for (Future<String> call : calls) {
            results.add(call.get(10, TimeUnit.SECONDS));
        }
        assertEquals(Set.of("item 42 #1"), results);
        assertEquals(1, catalogue.runs());
        assertEquals("item 43 #2", catalogue.lookup("43"), "released: the next call runs");
    }

    @Test
    void differentArgumentsRunSeparately() throws Exception {
        catalogue.openGate();
        assertEquals("item a #1", catalogue.lookup("a"));
        assertEquals("item b #2", catalogue.lookup("b"));
        assertEquals(2, catalogue.runs());
    }

    @Test
    void everyCallerGetsTheDeclaredExceptionItself() throws Exception {
        List<Future<String>> calls = callConcurrently(10, () -> catalogue.lookupFailing("x"), "lookupFailing");
        catalogue.openGate();
        Throwable first = null;
        for (Future<String> call : calls) {
            ExecutionException thrown = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
            assertTrue(thrown.getCause() instanceof IOException, thrown.getCause().toString());
            first = first == null ? thrown.getCause() : first;
            assertEquals(first, thrown.getCause(), "one exception for every caller");
        }
        assertEquals(1, catalogue.runs());
        assertThrows(IOException.class, () -> catalogue.lookupFailing("x"));
        assertEquals(2, catalogue.runs(), "a failure is not kept: the next call runs again");
    }

    @Test
    void aStageIsSharedUntilItCompletesAndOnlyMarkedParametersCount() throws Exception {
        List<CompletableFuture<String>> views = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            views.add(catalogue.lookupAsync("7", new Object()).toCompletableFuture());   // another context each time
        }
        assertEquals(1, catalogue.runs());
        catalogue.answerUpstream("body");
        for (CompletableFuture<String> view : views) {
            assertEquals("body 7", view.get(10, TimeUnit.SECONDS));
        }
        catalogue.lookupAsync("8", null);
        assertEquals(2, catalogue.runs());
    }

    @Test
    void aJoinedCallerStopsWaitingAfterTheMethodsWaitTimeout() throws Exception {
        Future<String> leader = CALLERS.submit(() -> catalogue.lookupImpatient("slow"));
        assertTrue(catalogue.awaitInside());
        assertThrows(CoalescedWaitTimeoutException.class, () -> catalogue.lookupImpatient("slow"));
        catalogue.openGate();
        assertEquals("late slow", leader.get(10, TimeUnit.SECONDS));
        assertEquals(1, catalogue.runs());
    }

    @Test
    void aTtlKeepsTheResultForLaterCalls() {
        String first = catalogue.lookupKept("k" + System.nanoTime());
        String key = first.substring("kept ".length(), first.indexOf(" #"));
        assertEquals(first, catalogue.lookupKept(key));
        assertNotEquals(first, catalogue.lookupKept(key + "-other"));
    }

    @Test
    void arraysAreComparedByContent() {
        String first = catalogue.lookupArray(new int[] {1, 2});
        assertEquals("array #1", first);
        assertEquals("array #2", catalogue.lookupArray(new int[] {1, 2}), "not concurrent: runs again");
        assertEquals(new CallKey(new Object[] {new int[] {1, 2}}), new CallKey(new Object[] {new int[] {1, 2}}));
    }

    @Test
    void methodsWithoutTheBindingAreUntouched() {
        assertEquals("plain p #1", catalogue.plain("p"));
        assertEquals("plain p #2", catalogue.plain("p"));
    }
}
