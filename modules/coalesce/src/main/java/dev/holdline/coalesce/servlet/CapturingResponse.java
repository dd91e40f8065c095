package dev.holdline.coalesce.servlet;

import dev.holdline.http.EntityTag;
import dev.holdline.http.EntityTagCondition;
import dev.holdline.http.HttpDate;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The leader's response as its chain sees it: status and headers go to the real response at once (so that
 * {@code getHeader}, {@code containsHeader} and the container's own header rules work as usual) and are
 * recorded; the body is held in a buffer, up to the limit, and written to the real response when the
 * chain is done.
 *
 * <p><b>Buffer, then write.</b> Holding the body lets the filter answer the leader's own
 * {@code If-None-Match} (hidden from the chain) with a 304 exactly as it answers a follower's, and costs
 * at most the buffer limit per key in flight, about what the container's own response buffer does for small
 * bodies. The buffer gives way to writing through ("live") as soon as the body passes the limit (the
 * response is then not shared), or the chain flushes (a streaming response keeps streaming; it stays
 * shareable if it ends within the limit), or it sets trailers. At that moment the leader's condition is
 * evaluated against the headers so far: on a match the leader gets its 304 and the rest of its body is
 * only captured.
 *
 * <p><b>Not captured:</b> {@code sendError} (the container writes the error page), {@code sendRedirect}
 * and trailer fields pass through and make the response unshareable. A chain that goes asynchronous is
 * let through live: by the specification {@code startAsync()} hands the application the unwrapped response
 * (Tomcat does; Undertow hands the current wrapper), so what an async leader writes may never pass through
 * here, and sharing a partial capture would be wrong. Its followers run the chain themselves.
 *
 * <p>The chain's writer encodes with the real response's character encoding (the container's default if
 * none was set), which getting the writer then pins, as containers do; it encodes at once
 * ({@link EncodingWriter}), so an application that never flushes it loses nothing. Thread-safety: one lock guards the
 * buffer and the mode, because an asynchronous application may write from another thread while the
 * filter goes live.
 */
final class CapturingResponse extends HttpServletResponseWrapper {

    private enum Mode {
        /** The body goes to the buffer only. */
        BUFFERING,
        /** The body goes to the real response (and to the buffer while it is within the limit). */
        LIVE,
        /** The leader was answered 304; the body goes to the buffer only. */
        NOT_MODIFIED,
        /** {@code sendError}/{@code sendRedirect}: the container writes the body; writes are dropped. */
        CONTAINER
    }

    private final HttpServletResponse real;
    private final boolean head;
    private final int limit;
    private final EntityTagCondition leaderCondition;
    private final List<HeaderRecord.Field> outerHeaders;
    private final Object lock = new Object();
    private final HeaderRecord headers = new HeaderRecord();
    private volatile Mode mode = Mode.BUFFERING;
    /** The capture; null once the body passed the limit or cannot be captured. */
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long declaredLength = -1;
    private boolean cookieSet;
    private boolean notCaptured;
    private boolean overflow;
    private boolean internalFlush;
    private boolean answeredNotModified;
    private int statusAfterNotModified;
    private String contentTypeAfterNotModified;
    private ServletOutputStream realStream;
    private CaptureStream stream;
    private PrintWriter writer;
    private boolean streamTaken;

    /**
     * @param leaderCondition the leader's own {@code If-None-Match}, hidden from its chain; null if none
     */
    CapturingResponse(HttpServletResponse real, boolean head, int limit, EntityTagCondition leaderCondition) {
        super(real);
        this.real = real;
        this.head = head;
        this.limit = limit;
        this.leaderCondition = leaderCondition;
        this.outerHeaders = leaderCondition == null ? List.of() : snapshot(real);
    }

    /** The fields outer filters set before this one, restored when the leader's response becomes a 304. */
    private static List<HeaderRecord.Field> snapshot(HttpServletResponse response) {
        List<HeaderRecord.Field> fields = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            fields.add(new HeaderRecord.Field(name, new ArrayList<>(response.getHeaders(name))));
        }
        return fields;
    }

    // ---- the filter's side

    /**
     * What the followers get, once the chain has returned. Call once, on the leader's thread.
     *
     * @param leaderRequest the leader's request (not its {@link LeaderRequest} wrapper), for {@code Vary}
     * @param wentAsync     whether the chain started asynchronous processing
     */
    Outcome finish(HttpServletRequest leaderRequest, boolean wentAsync, RequestClassifier classifier) throws IOException {
        synchronized (lock) {
            if (wentAsync) {
                flushWriterInternally();
                if (mode == Mode.BUFFERING) {
                    goLive(false);
                }
                buffer = null;
                return Outcome.notShared(BypassReason.ASYNC_LEADER);
            }
            flushWriterInternally();
            if (notCaptured) {
                return Outcome.notShared(BypassReason.NOT_CAPTURED);
            }
            if (overflow || buffer == null) {
                return Outcome.notShared(BypassReason.TOO_LARGE);
            }
            int status = getStatus();
            BypassReason reason = SharingPolicy.judge(status, headers, cookieSet || newSession(leaderRequest));
            if (reason != null) {
                return Outcome.notShared(reason);
            }
            Map<String, List<String>> varyValues = new LinkedHashMap<>();
            for (String name : SharingPolicy.varyNames(headers.values("vary"))) {
                if (!classifier.isKeyed(name)) {
                    varyValues.put(name, RequestClassifier.values(leaderRequest, name));
                }
            }
            // For HEAD: what the chain wrote (Servlet 6 runs doGet for HEAD), for its length; never sent.
            byte[] body = buffer.toByteArray();
            return Outcome.shared(new CapturedResponse(status, getContentType(), headers.snapshot(), body, declaredLength,
                    CapturedResponse.entityTag(headers.first("etag")), varyValues));
        }
    }

    /**
     * Answers the leader from the buffer, unless its answer is already on its way (live, 304, error page).
     * Call after {@link #finish} for a chain that did not go asynchronous.
     *
     * @return whether the leader's answer is a 304 made from the captured response
     */
    boolean answerLeader() throws IOException {
        synchronized (lock) {
            if (mode != Mode.BUFFERING) {
                return answeredNotModified;
            }
            int status = real.getStatus();
            if (Replay.notModified(status, currentTag(), leaderCondition)) {
                answerNotModified();
                return true;
            }
            mode = Mode.LIVE;
            if (Replay.hasBody(status)) {
                if (declaredLength < 0) {
                    real.setContentLengthLong(buffer.size());
                }
                if (!head) {
                    buffer.writeTo(realStream());
                }
            }
            return false;
        }
    }

    private static boolean newSession(HttpServletRequest request) {
        try {
            HttpSession session = request.getSession(false);
            return session != null && session.isNew();
        } catch (IllegalStateException invalidated) {
            return true;
        }
    }

    private EntityTag currentTag() {
        return CapturedResponse.entityTag(headers.first("etag"));
    }

    /** Stops buffering: the leader's 304, or the body so far and everything after it, goes to the client. */
    private void goLive(boolean mayAnswerNotModified) throws IOException {
        if (mayAnswerNotModified && Replay.notModified(real.getStatus(), currentTag(), leaderCondition)) {
            answerNotModified();
            return;
        }
        mode = Mode.LIVE;
        if (buffer != null && buffer.size() > 0) {
            buffer.writeTo(realStream());
        }
    }

    /**
     * The real response's stream, taken only when there is something to write: an asynchronous application
     * may still want the real response's writer.
     */
    private ServletOutputStream realStream() throws IOException {
        if (realStream == null) {
            realStream = real.getOutputStream();
        }
        return realStream;
    }

    /** Turns the real response into the leader's 304, keeping what outer filters had set. */
    private void answerNotModified() {
        statusAfterNotModified = real.getStatus();
        contentTypeAfterNotModified = real.getContentType();
        real.reset();
        for (HeaderRecord.Field field : outerHeaders) {
            String name = field.name();
            if (name.equalsIgnoreCase("content-type") || name.equalsIgnoreCase("content-length")
                    || Replay.NOT_MODIFIED_FIELDS.stream().anyMatch(name::equalsIgnoreCase) && headers.contains(name)) {
                continue;
            }
            field.values().forEach(value -> real.addHeader(name, value));
        }
        Replay.writeNotModified(real, headers::values);
        mode = Mode.NOT_MODIFIED;
        answeredNotModified = true;
    }

    /** Moves what the writer's encoder holds into the stream without going live. */
    private void flushWriterInternally() {
        if (writer != null) {
            internalFlush = true;
            try {
                writer.flush();
            } finally {
                internalFlush = false;
            }
        }
    }

    private boolean delegating() {
        return mode != Mode.NOT_MODIFIED;
    }

    // ---- the chain's side: body

    @Override
    public ServletOutputStream getOutputStream() {
        synchronized (lock) {
            if (writer != null) {
                throw new IllegalStateException("getWriter() has already been called for this response");
            }
            streamTaken = true;
            return stream();
        }
    }

    @Override
    public PrintWriter getWriter() {
        synchronized (lock) {
            if (writer == null) {
                if (streamTaken) {
                    throw new IllegalStateException("getOutputStream() has already been called for this response");
                }
                String charset = real.getCharacterEncoding();
                if (delegating()) {
                    real.setCharacterEncoding(charset);
                }
                writer = new PrintWriter(new EncodingWriter(stream(), Charset.forName(charset)), false);
            }
            return writer;
        }
    }

    private CaptureStream stream() {
        if (stream == null) {
            stream = new CaptureStream();
        }
        return stream;
    }

    @Override
    public void flushBuffer() throws IOException {
        synchronized (lock) {
            if (writer != null) {
                writer.flush();
            }
            if (mode == Mode.BUFFERING) {
                goLive(true);
            }
            if (mode != Mode.LIVE) {
                return;
            }
        }
        super.flushBuffer();
    }

    @Override
    public void resetBuffer() {
        synchronized (lock) {
            if (mode == Mode.BUFFERING) {
                flushWriterInternally();
                buffer.reset();
                return;
            }
            notCaptured = true;
            buffer = null;
        }
        super.resetBuffer();
    }

    @Override
    public void reset() {
        synchronized (lock) {
            if (mode == Mode.BUFFERING) {
                flushWriterInternally();
                buffer.reset();
                headers.clear();
                declaredLength = -1;
                cookieSet = false;
                writer = null;
                streamTaken = false;
            } else {
                notCaptured = true;
                buffer = null;
            }
        }
        super.reset();
    }

    @Override
    public void setCharacterEncoding(String charset) {
        if (writer == null && delegating()) {
            super.setCharacterEncoding(charset);
        }
    }

    @Override
    public void setBufferSize(int size) {
        if (delegating()) {
            super.setBufferSize(size);
        }
    }

    // ---- the chain's side: status and headers

    @Override
    public void setStatus(int status) {
        if (delegating()) {
            super.setStatus(status);
        } else {
            statusAfterNotModified = status;
        }
    }

    @Override
    public int getStatus() {
        return delegating() ? super.getStatus() : statusAfterNotModified;
    }

    @Override
    public void setContentType(String type) {
        if (delegating()) {
            super.setContentType(type);
        } else {
            contentTypeAfterNotModified = type;
        }
    }

    @Override
    public String getContentType() {
        return delegating() ? super.getContentType() : contentTypeAfterNotModified;
    }

    @Override
    public void setLocale(Locale locale) {
        if (delegating()) {
            super.setLocale(locale);
            String language = real.getHeader("Content-Language");
            if (language != null) {
                synchronized (lock) {
                    headers.set("Content-Language", language);
                }
            }
        }
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        synchronized (lock) {
            declaredLength = length;
        }
        if (delegating()) {
            super.setContentLengthLong(length);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        record(name, value, true);
        if (delegating()) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        record(name, value, false);
        if (delegating()) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        record(name, Integer.toString(value), true);
        if (delegating()) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        record(name, Integer.toString(value), false);
        if (delegating()) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void setDateHeader(String name, long date) {
        record(name, HttpDate.format(Instant.ofEpochMilli(date)), true);
        if (delegating()) {
            super.setDateHeader(name, date);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        record(name, HttpDate.format(Instant.ofEpochMilli(date)), false);
        if (delegating()) {
            super.addDateHeader(name, date);
        }
    }

    @Override
    public void addCookie(Cookie cookie) {
        synchronized (lock) {
            cookieSet = true;
        }
        if (delegating()) {
            super.addCookie(cookie);
        }
    }

    private void record(String name, String value, boolean replace) {
        if (name == null) {
            return;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        synchronized (lock) {
            switch (lower) {
                case "content-type" -> {
                    // read from the real response, which applies the container's charset rules
                }
                case "content-length" -> declaredLength = parseLength(value);
                default -> {
                    if (lower.startsWith("set-cookie") && value != null) {
                        cookieSet = true;
                    }
                    if (replace) {
                        headers.set(name, value);
                    } else {
                        headers.add(name, value);
                    }
                }
            }
        }
    }

    private static long parseLength(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException notALength) {
            return -1;
        }
    }

    // ---- the chain's side: what is not captured

    @Override
    public void sendError(int status, String message) throws IOException {
        if (uncaptured()) {
            super.sendError(status, message);
        }
    }

    @Override
    public void sendError(int status) throws IOException {
        if (uncaptured()) {
            super.sendError(status);
        }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        if (uncaptured()) {
            super.sendRedirect(location);
        }
    }

    /** Marks the response unshareable and hands the body to the container; false if the leader got its 304. */
    private boolean uncaptured() {
        synchronized (lock) {
            notCaptured = true;
            buffer = null;
            if (mode == Mode.NOT_MODIFIED) {
                return false;
            }
            mode = Mode.CONTAINER;
            return true;
        }
    }

    @Override
    public void setTrailerFields(Supplier<Map<String, String>> supplier) {
        synchronized (lock) {
            notCaptured = true;
            if (mode == Mode.BUFFERING) {
                try {
                    flushWriterInternally();
                    goLive(false);
                } catch (IOException e) {
                    throw new IllegalStateException("Could not write the buffered response before setting trailers", e);
                }
            }
            buffer = null;
        }
        super.setTrailerFields(supplier);
    }

    /** The chain's output stream: into the buffer, through to the real response once live. */
    private final class CaptureStream extends ServletOutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            synchronized (lock) {
                if (mode == Mode.CONTAINER) {
                    return;
                }
                if (buffer != null) {
                    if (buffer.size() + (long) length <= limit) {
                        buffer.write(bytes, offset, length);
                        if (mode == Mode.LIVE) {
                            realStream().write(bytes, offset, length);
                        }
                        return;
                    }
                    overflow = true;
                    if (mode == Mode.BUFFERING) {
                        goLive(true);
                    }
                    buffer = null;
                }
                if (mode == Mode.LIVE) {
                    realStream().write(bytes, offset, length);
                }
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (lock) {
                if (internalFlush) {
                    return;
                }
                if (mode == Mode.BUFFERING) {
                    goLive(true);
                }
                if (mode == Mode.LIVE) {
                    if (realStream != null) {
                        realStream.flush();
                    } else {
                        real.flushBuffer();
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (lock) {
                if (mode == Mode.LIVE) {
                    realStream().close();
                }
                // Buffering: the filter writes and the container closes when the chain has returned.
            }
        }

        @Override
        public boolean isReady() {
            synchronized (lock) {
                try {
                    return mode != Mode.LIVE || realStream().isReady();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            synchronized (lock) {
                notCaptured = true;
                try {
                    if (mode == Mode.BUFFERING) {
                        goLive(false);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("Could not write the buffered response before going non-blocking", e);
                }
                buffer = null;
                if (mode != Mode.LIVE) {
                    throw new IllegalStateException("Non-blocking output after a 304 or an error page");
                }
                try {
                    realStream().setWriteListener(listener);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
