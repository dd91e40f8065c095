package dev.holdline.perf.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Collects the bytes of one HTTP/1.1 response and tells when it is complete: status line, headers, then a
 * body framed by {@code Content-Length} or chunked encoding (304 and 204 have none). Keeps only the
 * status, the {@code ETag} (without quotes) and whether the server will close the connection.
 */
final class HttpResponseParser {

    private byte[] bytes = new byte[512];
    private int size;

    /** Appends what was read; returns the response once complete (and resets), else null. */
    Response feed(ByteBuffer read, long receivedNanos) {
        int length = read.remaining();
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
        read.get(bytes, size, length);
        size += length;
        return tryComplete(receivedNanos);
    }

    /** True when some bytes of a response arrived but not all of it. */
    boolean isPartial() {
        return size > 0;
    }

    private Response tryComplete(long receivedNanos) {
        int headerEnd = indexOf(bytes, size, 0, "\r\n\r\n");
        if (headerEnd < 0) {
            return null;
        }
        String head = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        String etag = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                case "etag" -> etag = value.replace("\"", "");
                default -> { }
            }
        }
        int bodyStart = headerEnd + 4;
        int end;
        if (status == 304 || status == 204 || status / 100 == 1) {
            end = bodyStart;
        } else if (chunked) {
            end = chunkedEnd(bodyStart);
        } else if (contentLength >= 0) {
            end = size >= bodyStart + contentLength ? (int) (bodyStart + contentLength) : -1;
        } else {
            end = bodyStart; // no framing: not produced by the bench servers
        }
        if (end < 0) {
            return null;
        }
        int bodyLength = end - bodyStart;
        size = 0;
        return new Response(status, etag, close, bodyLength, receivedNanos);
    }

    private int chunkedEnd(int from) {
        int position = from;
        while (true) {
            int lineEnd = indexOf(bytes, size, position, "\r\n");
            if (lineEnd < 0) {
                return -1;
            }
            String sizeText = new String(bytes, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int semicolon = sizeText.indexOf(';');
            int chunk = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
            if (chunk == 0) {
                int trailerEnd = indexOf(bytes, size, lineEnd, "\r\n\r\n");
                return trailerEnd < 0 ? -1 : trailerEnd + 4;
            }
            position = lineEnd + 2 + chunk + 2;
            if (position > size) {
                return -1;
            }
        }
    }

    private static int indexOf(byte[] data, int limit, int from, String pattern) {
        byte[] p = pattern.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = Math.max(from, 0); i <= limit - p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (data[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
