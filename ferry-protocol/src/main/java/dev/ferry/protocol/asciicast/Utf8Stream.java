package dev.ferry.protocol.asciicast;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a byte stream cut at arbitrary points into text, never splitting a character: the bytes of an
 * incomplete sequence at the end of a chunk wait for the next chunk. Invalid bytes become U+FFFD.
 */
final class Utf8Stream {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final byte[] tail = new byte[4];
    private int tailLength;

    /** Decodes what can be decoded of the pending tail plus {@code b[off, off+len)}; keeps an incomplete end. */
    String decode(byte[] b, int off, int len) {
        ByteBuffer in;
        if (tailLength == 0) {
            in = ByteBuffer.wrap(b, off, len);
        } else {
            in = ByteBuffer.allocate(tailLength + len).put(tail, 0, tailLength).put(b, off, len).flip();
        }
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        CoderResult r = decoder.decode(in, out, false);
        if (r.isError() || r.isOverflow()) {
            throw new IllegalStateException("UTF-8 decoder: " + r); // REPLACE and the sizing make both impossible
        }
        tailLength = in.remaining(); // at most 3: the start of a sequence that may still complete
        in.get(tail, 0, tailLength);
        decoder.reset();
        return out.flip().toString();
    }

    /** Ends the stream: an incomplete sequence left over becomes U+FFFD. */
    String finish() {
        if (tailLength == 0) {
            return "";
        }
        tailLength = 0;
        return "\uFFFD";
    }

    boolean hasPending() {
        return tailLength > 0;
    }
}
