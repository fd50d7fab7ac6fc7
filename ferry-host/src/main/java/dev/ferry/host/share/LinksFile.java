package dev.ferry.host.share;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Where a running share keeps its links so they can be seen again: {@code $XDG_RUNTIME_DIR/ferry/<pid>.links}
 * (else {@code $TMPDIR/ferry-$USER/}), private to the user. The shared shell gets its path in
 * {@value #ENV}; {@code ferry show-links} prints it.
 */
public final class LinksFile {
    public static final String ENV = "FERRY_LINKS_FILE";

    private LinksFile() {}

    static Path write(List<String> lines) throws IOException {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path dir = runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "ferry")
                : Path.of(System.getProperty("java.io.tmpdir"), "ferry-" + System.getProperty("user.name"));
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path file = dir.resolve(ProcessHandle.current().pid() + ".links");
        Path tmp = dir.resolve(ProcessHandle.current().pid() + ".links.tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** The links of the share this shell runs in, for {@code ferry show-links}. */
    public static String read(String envValue) throws IOException {
        if (envValue == null || envValue.isBlank()) {
            throw new IOException("not inside a shared terminal (" + ENV + " is not set)");
        }
        Path p = Path.of(envValue);
        if (!Files.exists(p)) throw new IOException("the share that owned " + p + " has ended");
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
