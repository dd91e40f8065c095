package dev.holdline.tck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void escapesPipesAndLineBreaksInCells() {
        assertEquals("a \\| b<br>c<br>d", Markdown.cell(" a | b\r\nc\nd "));
    }

    @Test
    void shortensAtAWordAndClosesAnOpenCodeSpan() {
        assertEquals("short", Markdown.shorten("short", 10));
        assertEquals("use `a b c`\u2026", Markdown.shorten("use `a b c d` here and more words", 12));
        assertEquals("one two\u2026", Markdown.shorten("one two three", 10));
    }
}
