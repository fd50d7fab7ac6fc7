package dev.ferry.host.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Who a shell runs as, and its command line, environment and working directory. An agent running as
 * root starts shells through {@code runuser} as the configured user; otherwise as itself.
 */
record ShellUser(String name, String home, boolean switchUser) {
    private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** Checks the configuration against who the agent runs as; a mismatch is a one-line error. */
    static ShellUser of(String configured) throws IOException {
        String self = System.getProperty("user.name");
        boolean root = "root".equals(self);
        if (configured == null || configured.equals(self)) return new ShellUser(self, System.getProperty("user.home"), false);
        if (!root) {
            throw new IllegalArgumentException("shell.user is " + configured + " but the agent runs as " + self
                    + ", not root: it cannot start shells as another user");
        }
        return new ShellUser(configured, home(configured), true);
    }

    private static String home(String user) throws IOException {
        Process p = new ProcessBuilder("getent", "passwd", user).redirectErrorStream(true).start();
        String line;
        try {
            line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0 || line.isEmpty()) {
                throw new IllegalArgumentException("shell.user " + user + " does not exist on this device");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } finally {
            p.destroyForcibly();
        }
        String[] f = line.split(":", -1);
        return f.length > 5 && !f[5].isEmpty() ? f[5] : "/";
    }

    List<String> command(List<String> shell) {
        if (!switchUser) return shell;
        List<String> c = new ArrayList<>(List.of("runuser", "-u", name, "--"));
        c.addAll(shell);
        return c;
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home);
        env.put("USER", name);
        env.put("LOGNAME", name);
        env.put("TERM", "xterm-256color");
        env.put("PATH", switchUser ? PATH : System.getenv().getOrDefault("PATH", PATH));
        String lang = System.getenv("LANG");
        env.put("LANG", lang != null ? lang : "C.UTF-8");
        return env;
    }

    String directory() {
        return Files.isDirectory(Path.of(home)) ? home : "/";
    }
}
