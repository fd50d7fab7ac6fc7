package dev.ferry.protocol.asciicast;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Streams an asciicast v2 recording one event at a time, so a recording of any size reads in constant memory.
 * Lines are bounded ({@link #DEFAULT_MAX_LINE_BYTES}); empty lines and unknown event codes are skipped.
 * A last line without a newline that does not parse is a torn write from a crashed recorder: it is skipped and
 * reported by {@link #tornTail()}. Any other bad line is an {@link AsciicastFormatException} naming the line.
 */
public final class AsciicastReader implements Closeable {
    public static final int DEFAULT_MAX_LINE_BYTES = 8 << 20;

    private final LineSource lines;
    private final String name;
    private final Header header;
    private String tornTail;
    private long skipped;

    /** Reads the header at once; the reader owns {@code in}. {@code name} prefixes error messages. */
    public AsciicastReader(InputStream in, String name, int maxLineBytes) throws IOException {
        this.lines = new LineSource(in, maxLineBytes);
        this.name = name;
        try {
            this.header = readHeader();
        } catch (IOException | RuntimeException e) {
            lines.close();
            throw e;
        }
    }

    public AsciicastReader(InputStream in, String name) throws IOException {
        this(in, name, DEFAULT_MAX_LINE_BYTES);
    }

    /** Opens a recording file; a gzip-compressed one ({@code .cast.gz}) is recognised by its magic bytes. */
    public static AsciicastReader open(Path path) throws IOException {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(path), 64 * 1024);
        } catch (NoSuchFileException e) {
            throw new AsciicastFormatException("no such file: " + path);
        }
        try {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            return new AsciicastReader(gzip ? new GZIPInputStream(in, 64 * 1024) : in, path.toString());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    public Header header() {
        return header;
    }

    /** The next event of a known type, or null at the end of the recording. */
    public Event next() throws IOException {
        while (true) {
            LineSource.Line line = lines.next();
            if (line == null) {
                return null;
            }
            if (isBlank(line.bytes())) {
                continue;
            }
            Event e;
            try {
                e = parseEvent(decode(line.bytes()));
            } catch (AsciicastFormatException ex) {
                if (!line.terminated()) {
                    tornTail = "line " + lines.lineNumber() + " was cut off (" + line.bytes().length + " bytes ignored)";
                    return null;
                }
                throw ex;
            }
            if (e != null) {
                return e;
            }
            skipped++;
        }
    }

    /** Why the last line was ignored, or null when the recording ended cleanly (valid only after the end). */
    public String tornTail() {
        return tornTail;
    }

    /** How many events with unknown codes were skipped so far. */
    public long skippedEvents() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private Header readHeader() throws IOException {
        LineSource.Line line;
        do {
            line = lines.next();
            if (line == null) {
                throw new AsciicastFormatException(name + ": empty file, not an asciicast recording");
            }
        } while (isBlank(line.bytes()));
        if (!line.terminated()) {
            throw new AsciicastFormatException(name + ": the header line is incomplete");
        }
        String text = decode(line.bytes());
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AsciicastFormatException(name + ": not an asciicast recording (line 1: " + e.getMessage() + ")");
        }
        try {
            return Header.fromJson(parsed);
        } catch (AsciicastFormatException e) {
            throw new AsciicastFormatException(name + ": " + e.getMessage());
        }
    }

    private Event parseEvent(String text) {
        try {
            return parseEventLine(text);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private String decode(byte[] bytes) {
        try {
            return decodeStrict(bytes);
        } catch (CharacterCodingException e) {
            throw bad("not valid UTF-8");
        }
    }

    /** Parses an event line; null for an unknown code; IllegalArgumentException saying what is wrong. */
    static Event parseEventLine(String text) {
        if (!(Json.parse(text) instanceof List<?> a) || a.size() < 3) {
            throw new IllegalArgumentException("an event must be an array [time, code, data]");
        }
        if (!(a.get(0) instanceof Double t) || !(t >= 0) || t > 1e12) {
            throw new IllegalArgumentException("bad event time " + a.get(0));
        }
        if (!(a.get(1) instanceof String code)) {
            throw new IllegalArgumentException("bad event code " + a.get(1));
        }
        Event.Type type = Event.Type.ofCode(code);
        if (type == null) {
            return null;
        }
        if (!(a.get(2) instanceof String data)) {
            throw new IllegalArgumentException("event data must be a string");
        }
        return new Event(Math.round(t * 1e6), type, data);
    }

    static String decodeStrict(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    private AsciicastFormatException bad(String what) {
        return new AsciicastFormatException(name + " line " + lines.lineNumber() + ": " + what);
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
