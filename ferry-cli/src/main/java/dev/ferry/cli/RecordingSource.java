package dev.ferry.cli;

import dev.ferry.protocol.asciicast.AsciicastReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where {@code ferry play} gets a recording: a local file, or a session id looked up in the relay's database
 * (its files are in the relay's data directory).
 */
interface RecordingSource {
    /** Opens the recording for streaming; throws a one-line error when it is missing or not a recording. */
    AsciicastReader open() throws IOException;

    /** A session id (when no such file exists) names a recording of the relay {@code data} points to; anything else is a file. */
    static RecordingSource of(String ref, DataOptions data) {
        if (ID.matcher(ref).matches() && !java.nio.file.Files.exists(Path.of(ref))) {
            return new Indexed(ref, data);
        }
        return new File(Path.of(ref));
    }

    java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    record Indexed(String id, DataOptions data) implements RecordingSource {
        @Override
        public AsciicastReader open() throws IOException {
            try (dev.ferry.relay.store.Store store = data.openExisting()) {
                return AsciicastReader.open(RecordingsCommand.file(store, data.dataDir(System.getenv()), id));
            }
        }
    }

    record File(Path path) implements RecordingSource {
        @Override
        public AsciicastReader open() throws IOException {
            return AsciicastReader.open(path);
        }
    }
}
