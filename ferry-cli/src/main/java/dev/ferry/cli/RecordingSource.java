package dev.ferry.cli;

import dev.ferry.protocol.asciicast.AsciicastReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where {@code ferry play} gets a recording. Today a local file; a recording ID served by the relay will be
 * another implementation chosen in {@link #of(String)}, and the player will not notice.
 */
interface RecordingSource {
    /** Opens the recording for streaming; throws a one-line error when it is missing or not a recording. */
    AsciicastReader open() throws IOException;

    static RecordingSource of(String ref) {
        return new File(Path.of(ref));
    }

    record File(Path path) implements RecordingSource {
        @Override
        public AsciicastReader open() throws IOException {
            return AsciicastReader.open(path);
        }
    }
}
