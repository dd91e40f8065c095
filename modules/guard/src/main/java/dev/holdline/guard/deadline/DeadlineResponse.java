package dev.holdline.guard.deadline;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The response the application sees under a {@link DeadlineFilter}: every change to status, headers and
 * body reaches the real response only while the application may still answer. Once the deadline has
 * answered, all of it is discarded silently (and the response reports itself committed), so that a late
 * servlet neither fails nor produces a second response.
 */
final class DeadlineResponse extends HttpServletResponseWrapper {

    private final DeadlineExchange exchange;
    private ServletOutputStream stream;
    private PrintWriter writer;

    DeadlineResponse(HttpServletResponse response, DeadlineExchange exchange) {
        super(response);
        this.exchange = exchange;
    }

    private HttpServletResponse real() {
        return (HttpServletResponse) getResponse();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            ServletOutputStream[] real = new ServletOutputStream[1];
            if (!exchange.ifOpen(() -> real[0] = real().getOutputStream())) {
                return new GatedOutputStream(null, exchange);
            }
            stream = new GatedOutputStream(real[0], exchange);
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            PrintWriter[] real = new PrintWriter[1];
            if (!exchange.ifOpen(() -> real[0] = real().getWriter())) {
                return new PrintWriter(Writer.nullWriter());
            }
            writer = new PrintWriter(new GatedWriter(real[0], exchange));
        }
        return writer;
    }

    @Override
    public boolean isCommitted() {
        return exchange.expired() || super.isCommitted();
    }

    @Override
    public void flushBuffer() throws IOException {
        exchange.ifOpen(() -> real().flushBuffer());
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        exchange.ifOpen(() -> real().sendError(sc, msg));
    }

    @Override
    public void sendError(int sc) throws IOException {
        exchange.ifOpen(() -> real().sendError(sc));
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        exchange.ifOpen(() -> real().sendRedirect(location));
    }

    @Override
    public void setStatus(int sc) {
        exchange.ifOpenQuietly(() -> real().setStatus(sc));
    }

    @Override
    public void setHeader(String name, String value) {
        exchange.ifOpenQuietly(() -> real().setHeader(name, value));
    }

    @Override
    public void addHeader(String name, String value) {
        exchange.ifOpenQuietly(() -> real().addHeader(name, value));
    }

    @Override
    public void setIntHeader(String name, int value) {
        exchange.ifOpenQuietly(() -> real().setIntHeader(name, value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        exchange.ifOpenQuietly(() -> real().addIntHeader(name, value));
    }

    @Override
    public void setDateHeader(String name, long date) {
        exchange.ifOpenQuietly(() -> real().setDateHeader(name, date));
    }

    @Override
    public void addDateHeader(String name, long date) {
        exchange.ifOpenQuietly(() -> real().addDateHeader(name, date));
    }

    @Override
    public void addCookie(Cookie cookie) {
        exchange.ifOpenQuietly(() -> real().addCookie(cookie));
    }

    @Override
    public void setContentType(String type) {
        exchange.ifOpenQuietly(() -> real().setContentType(type));
    }

    @Override
    public void setCharacterEncoding(String charset) {
        exchange.ifOpenQuietly(() -> real().setCharacterEncoding(charset));
    }

    @Override
    public void setContentLength(int len) {
        exchange.ifOpenQuietly(() -> real().setContentLength(len));
    }

    @Override
    public void setContentLengthLong(long len) {
        exchange.ifOpenQuietly(() -> real().setContentLengthLong(len));
    }

    @Override
    public void setLocale(Locale locale) {
        exchange.ifOpenQuietly(() -> real().setLocale(locale));
    }

    @Override
    public void setBufferSize(int size) {
        exchange.ifOpenQuietly(() -> real().setBufferSize(size));
    }

    @Override
    public void resetBuffer() {
        exchange.ifOpenQuietly(() -> real().resetBuffer());
    }

    @Override
    public void reset() {
        exchange.ifOpenQuietly(() -> real().reset());
    }

    @Override
    public void setTrailerFields(Supplier<Map<String, String>> supplier) {
        exchange.ifOpenQuietly(() -> real().setTrailerFields(supplier));
    }
}
