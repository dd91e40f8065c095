package dev.holdline.tck.report;

import dev.holdline.tck.api.AssertionIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the assertions of {@code docs/spec/*.md}: list items whose text starts with a bold id, as in
 * {@code - **CT-1.2** One testable sentence.} Other bold list items are ordinary prose, unless the
 * bold text looks like a mistyped id, which is reported.
 */
final class SpecReader {

    private static final Pattern BOLD_ITEM = Pattern.compile("^\\s*[-*+]\\s+\\*\\*(.+?)\\*\\*(.*)$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([-*+]|\\d+[.)])\\s+.*$");
    private static final Pattern ID_LIKE = Pattern.compile("^[A-Za-z]{2,}-\\d.*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*$");

    private final Locations locations;
    private final Problems problems;

    SpecReader(Locations locations, Problems problems) {
        this.locations = locations;
        this.problems = problems;
    }

    /** Every {@code *.md} of the directory, in file name order. */
    List<SpecFile> read(Path specDir) {
        List<SpecFile> specs = new ArrayList<>();
        if (!Files.isDirectory(specDir)) {
            problems.add("No spec directory " + locations.display(specDir) + ": every assertion id of the tests is unknown");
            return specs;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(specDir, "*.md")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            problems.add("Cannot list " + locations.display(specDir) + ": " + locations.describe(e));
        }
        files.sort(Comparator.comparing(path -> path.getFileName().toString()));
        Map<String, String> definedAt = new HashMap<>();
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add("Cannot read " + locations.display(file) + ": " + locations.describe(e));
                continue;
            }
            SpecFile spec = parse(locations.display(file), lines);
            List<SpecAssertion> unique = new ArrayList<>();
            for (SpecAssertion assertion : spec.assertions()) {
                String here = spec.path() + ":" + assertion.line();
                String earlier = definedAt.putIfAbsent(assertion.id(), here);
                if (earlier == null) {
                    unique.add(assertion);
                } else {
                    problems.add("Assertion " + assertion.id() + " is defined twice: " + earlier + " and " + here
                            + "; the report uses the first");
                }
            }
            specs.add(new SpecFile(spec.path(), spec.title(), unique));
        }
        return specs;
    }

    /** Parses one file's lines; duplicates within the file are left for {@link #read} to report. */
    SpecFile parse(String path, List<String> lines) {
        String title = null;
        List<SpecAssertion> assertions = new ArrayList<>();
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            if (title == null && line.startsWith("# ")) {
                title = line.substring(2).strip();
                continue;
            }
            Matcher item = BOLD_ITEM.matcher(line);
            if (!item.matches()) {
                continue;
            }
            String id = item.group(1).strip().replaceAll("[.:]+$", "");
            if (!AssertionIds.ID.matcher(id).matches()) {
                if (ID_LIKE.matcher(id).matches()) {
                    problems.add("Malformed assertion id '" + id + "' at " + path + ":" + (i + 1) + ": expected e.g. CT-1.2");
                }
                continue;
            }
            int itemLine = i + 1;
            StringBuilder text = new StringBuilder(item.group(2).replaceFirst("^[\\s:.\u2013\u2014-]+", "").strip());
            // A sentence may wrap onto the following lines until a blank line, a heading or the next item.
            while (i + 1 < lines.size() && continues(lines.get(i + 1))) {
                i++;
                text.append(text.length() == 0 ? "" : " ").append(lines.get(i).strip());
            }
            assertions.add(new SpecAssertion(id, text.toString(), itemLine));
        }
        assertions.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.id(), b.id()));
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        return new SpecFile(path, title != null && !title.isEmpty() ? title : fileName.replaceFirst("\\.md$", ""), assertions);
    }

    private static boolean continues(String next) {
        return !next.isBlank() && !next.stripLeading().startsWith("#") && !LIST_ITEM.matcher(next).matches()
                && !FENCE.matcher(next).matches();
    }
}
