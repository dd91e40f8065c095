package dev.holdline.tck.report;

import java.util.List;

/** Small helpers for writing GitHub-flavoured Markdown tables. */
final class Markdown {

    private static final char ELLIPSIS = '\u2026';

    private Markdown() {
    }

    /** Text made safe for one table cell: a {@code |} would end the cell, a line break the row. */
    static String cell(String text) {
        return text.strip()
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace("|", "\\|")
                .replace("\n", "<br>");
    }

    /** Cuts {@code text} at a word boundary to at most {@code max} characters, marking the cut. */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        String shortened = text.substring(0, cut).stripTrailing();
        // An unclosed code span would swallow the rest of the table row.
        if (shortened.chars().filter(c -> c == '`').count() % 2 == 1) {
            shortened += "`";
        }
        return shortened + ELLIPSIS;
    }

    /** Inline code; longer backtick fences are not needed for class and file names. */
    static String code(String text) {
        return "`" + text + "`";
    }

    /** A table of already escaped cells; columns from index {@code leftAligned} on are right-aligned. */
    static void table(StringBuilder out, List<String> header, List<List<String>> rows, int leftAligned) {
        row(out, header);
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < header.size(); i++) {
            rule.append(i < leftAligned ? "---" : "---:").append('|');
        }
        out.append(rule).append('\n');
        rows.forEach(cells -> row(out, cells));
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
