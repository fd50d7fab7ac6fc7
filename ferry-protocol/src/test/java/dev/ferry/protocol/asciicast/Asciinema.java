package dev.ferry.protocol.asciicast;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the stock asciinema 2.x CLI. It insists on opening /dev/tty, so it runs under {@code script} (a fresh
 * pseudo-terminal) with its standard output redirected to a file, which keeps the bytes free of tty translation.
 */
final class Asciinema {
    /** Exit status, what it printed to standard output (exact bytes) and its error text. */
    record Run(int exit, byte[] stdout, String stderr) {}

    private Asciinema() {}

    static Run cat(Path cast, Path work) throws IOException, InterruptedException {
        return run(work, "cat '" + cast + "'");
    }

    static Run play(Path cast, Path work, String... options) throws IOException, InterruptedException {
        return run(work, "play " + String.join(" ", options) + " '" + cast + "'");
    }

    private static Run run(Path work, String args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "asciinema", ".out");
        Path err = Files.createTempFile(work, "asciinema", ".err");
        String command = "asciinema " + args + " > '" + out + "' 2> '" + err + "'";
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", command, "/dev/null")
                .redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true);
        pb.environment().put("HOME", work.toString()); // asciinema keeps config under ~/.config
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().remove("LC_ALL");
        Process p = pb.start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("asciinema " + args + " did not finish within 60 s");
            }
            return new Run(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
        } finally {
            p.destroyForcibly();
        }
    }

    /** The concatenated output events of a recording as UTF-8 bytes: what a player writes to the terminal. */
    static byte[] outputBytes(List<Event> events) {
        StringBuilder b = new StringBuilder();
        for (Event e : events) {
            if (e.type() == Event.Type.OUTPUT) {
                b.append(e.data());
            }
        }
        return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
