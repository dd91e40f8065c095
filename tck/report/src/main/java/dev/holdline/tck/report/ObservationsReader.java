package dev.holdline.tck.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a runner's {@code observations.properties} in the format of
 * {@link dev.holdline.tck.api.Observations}: {@code <id>.question} and {@code <id>.answer} per id.
 */
final class ObservationsReader {

    private static final String QUESTION = ".question";
    private static final String ANSWER = ".answer";
    /** {@code Observations.record} stores the container's name in the file's comment. */
    private static final Pattern NAME_COMMENT = Pattern.compile("^[#!]\\s*Holdline container observations:\\s*(.+)$");

    private final Locations locations;
    private final Problems problems;

    ObservationsReader(Locations locations, Problems problems) {
        this.locations = locations;
        this.problems = problems;
    }

    /**
     * The file's observations, or empty when there is no file or it cannot be read (a problem).
     *
     * @param resultsTitle the container's name from the runner's test results, or {@code null}
     * @param runnerName   the column title when neither the results nor the file name the container
     */
    Optional<ContainerObservations> read(Path file, String resultsTitle, String runnerName) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            problems.add("Cannot read observations " + locations.display(file) + ": " + locations.describe(e));
            return Optional.empty();
        }
        SortedMap<String, ContainerObservations.Entry> entries = new TreeMap<>(NaturalOrder.INSTANCE);
        for (String key : properties.stringPropertyNames()) {
            String id;
            if (key.endsWith(QUESTION)) {
                id = key.substring(0, key.length() - QUESTION.length());
            } else if (key.endsWith(ANSWER)) {
                id = key.substring(0, key.length() - ANSWER.length());
            } else {
                continue;
            }
            entries.putIfAbsent(id, new ContainerObservations.Entry(
                    properties.getProperty(id + QUESTION), properties.getProperty(id + ANSWER)));
        }
        String title = resultsTitle != null ? resultsTitle : nameComment(file).orElse(runnerName);
        return Optional.of(new ContainerObservations(title, entries));
    }

    /** The container named in the file's comment, unless it says it was unnamed. */
    private static Optional<String> nameComment(Path file) {
        try {
            // Properties.store writes ISO 8859-1 and escapes any other character.
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                Matcher matcher = NAME_COMMENT.matcher(line);
                if (matcher.matches() && !matcher.group(1).strip().equals("unnamed")) {
                    return Optional.of(matcher.group(1).strip());
                }
            }
        } catch (IOException e) {
            // The name is a nicety; the column falls back to the runner's name.
        }
        return Optional.empty();
    }
}
