package dev.ferry.ftests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code ferry share --headless} against a relay, its four (or two) link lines parsed.
 * {@code ShareProcess.start(dir, relay, List.of("--read-only"), "sh", "-c", "...")}.
 */
public final class ShareProcess implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final String name;
    private final Map<String, String> links;

    private ShareProcess(Process process, Path dir, String name, Map<String, String> links) {
        this.process = process;
        this.dir = dir;
        this.name = name;
        this.links = links;
    }

    public static ShareProcess start(Path dir, RelayProcess relay, List<String> options, String... command) throws IOException {
        return start(dir, relay, Map.of(), options, command);
    }

    /** As above, with extra environment variables for the share (FERRY_API_KEY, ...). */
    public static ShareProcess start(Path dir, RelayProcess relay, Map<String, String> env, List<String> options, String... command)
            throws IOException {
        Files.createDirectories(dir);
        List<String> args = new ArrayList<>(List.of("share", "--headless", "--relay", relay.webBase()));
        args.addAll(options);
        if (command.length > 0) {
            args.add("--");
            args.addAll(List.of(command));
        }
        String name = "share-" + System.nanoTime();
        Process p = Ferry.start(dir, name, env, args.toArray(String[]::new));
        Path out = dir.resolve(name + ".out");
        try {
            Ferry.waitUntil(Duration.ofSeconds(30), "the share's links", () ->
                    Ferry.read(out).contains("web session read only: ") || !p.isAlive());
        } catch (AssertionError e) {
            p.destroyForcibly();
            throw e;
        }
        String text = Ferry.read(out);
        if (!text.contains("web session read only: ")) {
            throw new IOException("share exited with " + p.exitValue() + ": " + Ferry.read(dir.resolve(name + ".err")));
        }
        Map<String, String> links = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            if (colon > 0 && line.contains(" session")) links.put(line.substring(0, colon), line.substring(colon + 2).trim());
        }
        return new ShareProcess(p, dir, name, links);
    }

    /** "ssh session", "ssh session read only", "web session", "web session read only" to their values. */
    public Map<String, String> links() {
        return links;
    }

    /** The read-write token (from the web link), or null for a read-only share. */
    public String readWriteToken() {
        String web = links.get("web session");
        return web == null ? null : web.substring(web.lastIndexOf('/') + 1);
    }

    public String readOnlyToken() {
        String web = links.get("web session read only");
        return web.substring(web.lastIndexOf('/') + 1);
    }

    public String stdout() {
        return Ferry.read(dir.resolve(name + ".out"));
    }

    public String stderr() {
        return Ferry.read(dir.resolve(name + ".err"));
    }

    public Process process() {
        return process;
    }

    /** Waits for the share to exit; returns its status. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("share still running after " + timeout.toMillis() + " ms");
        }
        return process.exitValue();
    }

    /** SIGTERM and wait. */
    public int stop() {
        return Ferry.stop(process, Duration.ofSeconds(15));
    }

    @Override
    public void close() {
        if (process.isAlive()) stop();
    }
}
