package dev.ferry.ftests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real relay for a whole test class, started before its first test and stopped after its last,
 * in a temporary directory of its own (removed afterwards). Use it as
 * {@code @RegisterExtension static final ClassRelay relay = new ClassRelay();}.
 */
final class ClassRelay implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private RelayProcess relay;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("ferry-relay-");
        relay = RelayProcess.start(dir.resolve("relay"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (relay != null) relay.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The class's temporary directory: the relay's files are under {@code relay/}, shares' under {@code share/}. */
    Path dir() {
        return dir;
    }

    /** The running relay. */
    RelayProcess get() {
        return relay;
    }

    /** {@code ferry share --headless} of {@code command} on this relay, with these share options. */
    ShareProcess share(List<String> options, String... command) throws Exception {
        return ShareProcess.start(dir.resolve("share"), relay, options, command);
    }

    ShareProcess share(String... command) throws Exception {
        return share(List.of(), command);
    }
}
