package dev.ferry.protocol.asciicast;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a recording that a crashed recorder left behind readable by every player: a torn last line is cut off
 * at the last newline (one truncate, so a crash during repair leaves either the old or the repaired file), and a
 * complete last line that only lacks its newline gets one.
 */
public final class AsciicastRepair {
    /** What repair did: bytes cut from the end, and whether a missing final newline was added. */
    public record Result(long removedBytes, boolean newlineAdded) {
        public boolean changed() {
            return removedBytes > 0 || newlineAdded;
        }
    }

    private AsciicastRepair() {}

    /**
     * Repairs {@code path} in place. Throws {@link AsciicastFormatException} when not even the header line is
     * complete (such a file holds nothing worth keeping; the caller decides whether to delete it).
     */
    public static Result repair(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size == 0) {
                throw new AsciicastFormatException(path + ": empty file, no header to keep");
            }
            if (byteAt(ch, size - 1) == '\n') {
                return new Result(0, false);
            }
            long lastNewline = lastNewline(ch, size);
            if (lastNewline < 0) {
                throw new AsciicastFormatException(path + ": the header line is incomplete, nothing to keep");
            }
            byte[] tail = new byte[(int) (size - lastNewline - 1)];
            readFully(ch, ByteBuffer.wrap(tail), lastNewline + 1);
            if (isCompleteEvent(tail)) {
                ch.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
                ch.force(true);
                return new Result(0, true);
            }
            ch.truncate(lastNewline + 1);
            ch.force(true);
            return new Result(size - lastNewline - 1, false);
        }
    }

    private static boolean isCompleteEvent(byte[] line) {
        try {
            AsciicastReader.parseEventLine(AsciicastReader.decodeStrict(line));
            return true;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return false;
        }
    }

    /** Offset of the last '\n' before {@code size}, looking back at most one maximal line; -1 if none. */
    private static long lastNewline(FileChannel ch, long size) throws IOException {
        long floor = Math.max(0, size - AsciicastReader.DEFAULT_MAX_LINE_BYTES - 1);
        ByteBuffer block = ByteBuffer.allocate(64 * 1024);
        long end = size;
        while (end > floor) {
            long start = Math.max(floor, end - block.capacity());
            block.clear().limit((int) (end - start));
            readFully(ch, block, start);
            for (int i = block.limit() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return start + i;
                }
            }
            end = start;
        }
        if (floor > 0) {
            throw new AsciicastFormatException("last line is longer than "
                    + (AsciicastReader.DEFAULT_MAX_LINE_BYTES >> 20) + " MiB, not a recording Ferry wrote");
        }
        return -1;
    }

    private static byte byteAt(FileChannel ch, long offset) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        readFully(ch, one, offset);
        return one.get(0);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long offset) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, offset + buf.position());
            if (n < 0) {
                throw new IOException("file shrank while repairing");
            }
        }
    }
}
