package dev.ferry.ftests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A real {@code ferry agent} with its own config file; its stderr is in {@code DIR/agent.err}. */
final class AgentProcess implements AutoCloseable {
    private final Process process;
    private final Path dir;

    private AgentProcess(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** Starts the agent; {@code config} is the properties file's text. Does not wait for it to connect. */
    static AgentProcess start(Path dir, String relayUrl, String token, String config) throws IOException {
        Files.createDirectories(dir);
        Path conf = dir.resolve("agent.conf");
        Files.writeString(conf, config);
        Process p = Ferry.start(dir, "agent", Map.of(), "agent", "--relay", relayUrl, "--token", token, "--config", conf.toString());
        return new AgentProcess(p, dir);
    }

    /** Waits until the agent has connected {@code times} times in all. */
    AgentProcess awaitConnected(int times) {
        Ferry.waitUntil(Duration.ofSeconds(30), "the agent's connection #" + times + "; stderr: " + stderr(),
                () -> stderr().split("ferry agent: connected to", -1).length - 1 >= times || !process.isAlive());
        if (!process.isAlive()) throw new AssertionError("the agent exited: " + stderr());
        return this;
    }

    String stderr() {
        return Ferry.read(dir.resolve("agent.err"));
    }

    Process process() {
        return process;
    }

    @Override
    public void close() {
        Ferry.stop(process, Duration.ofSeconds(10));
    }
}
