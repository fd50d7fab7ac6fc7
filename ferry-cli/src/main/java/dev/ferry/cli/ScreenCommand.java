package dev.ferry.cli;

import dev.ferry.terminal.Terminal;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Feeds a byte stream to the terminal engine and prints the final screen, like tmux capture-pane -p. */
@Command(name = "screen", description = "Print the screen a byte stream leaves in a COLSxROWS terminal (like tmux capture-pane -p).")
final class ScreenCommand implements Callable<Integer> {
    @Option(names = "--cols", defaultValue = "80", description = "Columns (default ${DEFAULT-VALUE}).")
    int cols;

    @Option(names = "--rows", defaultValue = "24", description = "Rows (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--ansi", description = "Include SGR attributes, like capture-pane -e.")
    boolean ansi;

    @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "Input file; - or none for standard input.")
    String file;

    @Override
    public Integer call() throws Exception {
        if (cols < 1 || rows < 1 || cols > 1000 || rows > 1000) {
            throw new IllegalArgumentException("--cols and --rows must be between 1 and 1000");
        }
        Terminal terminal = new Terminal(cols, rows, 0);
        try (InputStream in = file == null || file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                terminal.feed(buf, 0, n);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.print(ansi ? terminal.ansiText() : terminal.text());
        out.flush();
        return 0;
    }
}
