package dev.holdline.guard.deadline;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/** The application's writer under a deadline: forwarded while it may answer, discarded once the deadline answered. */
final class GatedWriter extends Writer {

    private final PrintWriter out;
    private final DeadlineExchange exchange;

    GatedWriter(PrintWriter out, DeadlineExchange exchange) {
        this.out = out;
        this.exchange = exchange;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        exchange.ifOpen(() -> out.write(chars, off, len));
    }

    @Override
    public void write(String text, int off, int len) throws IOException {
        exchange.ifOpen(() -> out.write(text, off, len));
    }

    @Override
    public void flush() throws IOException {
        exchange.ifOpen(out::flush);
    }

    @Override
    public void close() throws IOException {
        exchange.ifOpen(out::close);
    }
}
