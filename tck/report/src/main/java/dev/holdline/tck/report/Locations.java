package dev.holdline.tck.report;

import java.io.File;
import java.nio.file.Path;

/**
 * Renders file paths for the generated Markdown: relative to the repository root with {@code /}
 * separators, so that the output does not depend on where the repository is checked out.
 */
final class Locations {

    private final Path root;

    Locations(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    String display(Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        Path shown = normalized.startsWith(root) ? root.relativize(normalized) : normalized;
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }

    /** An exception as one line; JDK I/O messages carry absolute paths, which are made relative. */
    String describe(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        String shortened = message.replace(root + File.separator, "").replace(root.toString(), ".");
        return type + ": " + shortened.replace('\n', ' ').strip();
    }
}
