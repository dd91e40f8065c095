package dev.holdline.coalesce.servlet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * A writer that encodes every write at once into the stream, holding back at most a high surrogate whose
 * low half has not come yet. Unlike {@link java.io.OutputStreamWriter} it keeps no encoded bytes of its
 * own, so that nothing the chain printed can be lost when the container, not the chain, ends the response
 * (an asynchronous application completing without flushing the writer it got from the wrapper). Characters
 * the charset cannot encode become its replacement, as a container's writer does.
 */
final class EncodingWriter extends Writer {

    private final OutputStream out;
    private final CharsetEncoder encoder;
    private char pendingHigh;
    private boolean pending;

    EncodingWriter(OutputStream out, Charset charset) {
        this.out = out;
        this.encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        CharBuffer input = CharBuffer.allocate(length + 1);
        if (pending) {
            input.put(pendingHigh);
            pending = false;
        }
        input.put(chars, offset, length);
        input.flip();
        char last = input.get(input.limit() - 1);
        if (Character.isHighSurrogate(last)) {
            pendingHigh = last;
            pending = true;
            input.limit(input.limit() - 1);
        }
        encode(input);
    }

    private void encode(CharBuffer input) throws IOException {
        if (!input.hasRemaining()) {
            return;
        }
        ByteBuffer bytes;
        try {
            bytes = encoder.encode(input);
        } catch (CharacterCodingException cannotHappenWithReplace) {
            throw new IOException(cannotHappenWithReplace);
        }
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pending) {
            pending = false;
            encode(CharBuffer.wrap(new char[] {pendingHigh}));
        }
        out.close();
    }
}
