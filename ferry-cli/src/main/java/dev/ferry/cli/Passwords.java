package dev.ferry.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;

/** Reads a new password: from the terminal without echo (typed twice), else the first line of stdin. */
final class Passwords {
    private Passwords() {}

    static String read(String user) throws IOException {
        Console console = System.console();
        if (console != null && Files.isSameFile(Path.of("/dev/stdin"), Path.of("/dev/tty")) ) {
            char[] a = console.readPassword("New web password for %s: ", user);
            char[] b = console.readPassword("Again: ");
            if (a == null || b == null || !new String(a).equals(new String(b))) {
                throw new IllegalArgumentException("the passwords differ");
            }
            return new String(a);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) throw new IllegalArgumentException("no password on standard input");
        return line;
    }
}
