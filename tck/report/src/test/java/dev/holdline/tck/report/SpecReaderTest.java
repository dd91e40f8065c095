package dev.holdline.tck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {

    @TempDir
    Path root;

    private final Problems problems = new Problems();

    private List<SpecFile> read() {
        return new SpecReader(new Locations(root), problems).read(root.resolve("docs/spec"));
    }

    @Test
    void readsIdsSentencesAndTitleInNaturalOrder() {
        Fixtures.write(root.resolve("docs/spec/container.md"), Fixtures.SPEC);
        SpecFile spec = read().get(0);
        assertEquals("docs/spec/container.md", spec.path());
        assertEquals("Container baseline (CT)", spec.title());
        assertEquals(List.of("CT-1.1", "CT-1.2", "CT-1.10", "CT-2.1", "CT-2.2", "CT-3.1", "CT-3.2", "CT-4.1", "CT-9.1"),
                spec.assertions().stream().map(SpecAssertion::id).toList());
        SpecAssertion wrapped = spec.assertions().get(1);
        assertEquals("`AsyncContext.setTimeout(t)` is honoured: with no completion, onTimeout is called no earlier than `t`.",
                wrapped.text());
        assertEquals(7, wrapped.line());
        assertTrue(problems.isEmpty(), problems.all()::toString);
    }

    @Test
    void reportsDuplicatesAcrossFilesAndKeepsTheFirst() {
        Fixtures.write(root.resolve("docs/spec/a.md"), "# A\n- **LP-1.1** First.\n");
        Fixtures.write(root.resolve("docs/spec/b.md"), "# B\n\n- **LP-1.1** Again.\n- **LP-1.2:** Colon after the id.\n");
        List<SpecFile> specs = read();
        assertEquals(List.of("LP-1.1"), specs.get(0).assertions().stream().map(SpecAssertion::id).toList());
        assertEquals(List.of(new SpecAssertion("LP-1.2", "Colon after the id.", 4)), specs.get(1).assertions());
        assertEquals(List.of("Assertion LP-1.1 is defined twice: docs/spec/a.md:2 and docs/spec/b.md:3; the report uses the first"),
                problems.all());
    }

    @Test
    void reportsIdsThatLookMistypedAndIgnoresOtherBoldItemsAndCode() {
        Fixtures.write(root.resolve("docs/spec/x.md"), String.join("\n",
                "- **Ct-1.1** lower case prefix",
                "- **Note** just bold prose",
                "```",
                "- **CO-1.1** inside a code block",
                "```",
                "* **CO-2.1** Star bullets work too.",
                ""));
        SpecFile spec = read().get(0);
        assertEquals("x", spec.title());
        assertEquals(List.of("CO-2.1"), spec.assertions().stream().map(SpecAssertion::id).toList());
        assertEquals(List.of("Malformed assertion id 'Ct-1.1' at docs/spec/x.md:1: expected e.g. CT-1.2"), problems.all());
    }

    @Test
    void aMissingSpecDirectoryIsAProblem() {
        assertTrue(read().isEmpty());
        assertEquals(1, problems.size());
    }
}
