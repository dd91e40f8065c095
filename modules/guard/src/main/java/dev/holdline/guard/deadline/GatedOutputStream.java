package dev.holdline.guard.deadline;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;

/**
 * The application's output stream under a deadline: forwarded while it may answer, discarded once the
 * deadline answered (then {@code out} may be null: nothing reaches it).
 */
final class GatedOutputStream extends ServletOutputStream {

    private final ServletOutputStream out;
    private final DeadlineExchange exchange;

    GatedOutputStream(ServletOutputStream out, DeadlineExchange exchange) {
        this.out = out;
        this.exchange = exchange;
    }

    @Override
    public void write(int b) throws IOException {
        exchange.ifOpen(() -> out.write(b));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        exchange.ifOpen(() -> out.write(b, off, len));
    }

    @Override
    public void flush() throws IOException {
        exchange.ifOpen(out::flush);
    }

    @Override
    public void close() throws IOException {
        exchange.ifOpen(out::close);
    }

    @Override
    public boolean isReady() {
        return exchange.expired() || out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        if (out != null) {
            out.setWriteListener(listener);
        }
    }
}
