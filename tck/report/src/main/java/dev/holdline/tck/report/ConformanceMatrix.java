package dev.holdline.tck.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The assertion x container matrix and what goes with it: totals, uncovered assertions, tests
 * without ids, ids no spec defines and failing tests. Pure data, built from what the readers found.
 */
final class ConformanceMatrix {

    /** One assertion's row: its status on each column, in column order. */
    record Row(SpecAssertion assertion, List<Status> statuses) {
    }

    /** One spec file's table. */
    record Section(SpecFile spec, List<Row> rows) {
    }

    /** An assertion no test covers, with the file that defines it. */
    record Uncovered(SpecFile spec, SpecAssertion assertion) {
    }

    private final List<ContainerResults> columns;
    private final List<Section> sections = new ArrayList<>();
    private final List<Map<Status, Integer>> totals = new ArrayList<>();
    private final List<Uncovered> uncovered = new ArrayList<>();
    private final List<TestId> testsWithoutIds = new ArrayList<>();
    private final SortedMap<String, SortedSet<TestId>> unknownIds = new TreeMap<>(NaturalOrder.INSTANCE);
    private final List<SortedSet<TestId>> failingTests = new ArrayList<>();

    private ConformanceMatrix(List<ContainerResults> columns) {
        this.columns = List.copyOf(columns);
    }

    /**
     * @param specs     the spec files, each with its assertions in id order
     * @param idsByTest every test known from the suite or the results, with its assertion ids
     * @param columns   the containers that reported results, in column order
     */
    static ConformanceMatrix build(List<SpecFile> specs, Map<TestId, Set<String>> idsByTest, List<ContainerResults> columns) {
        ConformanceMatrix matrix = new ConformanceMatrix(columns);
        SortedMap<String, SortedSet<TestId>> testsById = new TreeMap<>(NaturalOrder.INSTANCE);
        new TreeMap<>(idsByTest).forEach((test, ids) -> {
            if (ids.isEmpty()) {
                matrix.testsWithoutIds.add(test);
            }
            ids.forEach(id -> testsById.computeIfAbsent(id, key -> new TreeSet<>()).add(test));
        });
        for (ContainerResults column : columns) {
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            for (Status status : Status.values()) {
                counts.put(status, 0);
            }
            matrix.totals.add(counts);
            SortedSet<TestId> failing = new TreeSet<>();
            column.outcomes().forEach((test, outcomes) -> {
                if (outcomes.contains(TestOutcome.FAILED)) {
                    failing.add(test);
                }
            });
            matrix.failingTests.add(failing);
        }
        Set<String> defined = new TreeSet<>();
        for (SpecFile spec : specs) {
            List<Row> rows = new ArrayList<>();
            for (SpecAssertion assertion : spec.assertions()) {
                defined.add(assertion.id());
                rows.add(new Row(assertion, matrix.statuses(assertion, testsById.get(assertion.id()), spec)));
            }
            matrix.sections.add(new Section(spec, rows));
        }
        testsById.forEach((id, tests) -> {
            if (!defined.contains(id)) {
                matrix.unknownIds.put(id, tests);
            }
        });
        return matrix;
    }

    private List<Status> statuses(SpecAssertion assertion, SortedSet<TestId> tests, SpecFile spec) {
        List<Status> statuses = new ArrayList<>();
        if (tests == null) {
            uncovered.add(new Uncovered(spec, assertion));
        }
        for (int c = 0; c < columns.size(); c++) {
            Status status;
            if (tests == null) {
                status = Status.UNCOVERED;
            } else {
                List<TestOutcome> outcomes = new ArrayList<>();
                for (TestId test : tests) {
                    outcomes.addAll(columns.get(c).outcomes().getOrDefault(test, List.of()));
                }
                status = Status.of(outcomes);
            }
            totals.get(c).merge(status, 1, Integer::sum);
            statuses.add(status);
        }
        return statuses;
    }

    List<ContainerResults> columns() {
        return columns;
    }

    List<Section> sections() {
        return sections;
    }

    /** Per column, how many assertions have each status. */
    List<Map<Status, Integer>> totals() {
        return totals;
    }

    List<Uncovered> uncovered() {
        return uncovered;
    }

    List<TestId> testsWithoutIds() {
        return testsWithoutIds;
    }

    /** Ids that tests name but no spec file defines, with the tests that name them. */
    SortedMap<String, SortedSet<TestId>> unknownIds() {
        return unknownIds;
    }

    /** Per column, the tests with at least one failed or erroneous execution. */
    List<SortedSet<TestId>> failingTests() {
        return failingTests;
    }

    int assertionCount() {
        return sections.stream().mapToInt(section -> section.rows().size()).sum();
    }
}
