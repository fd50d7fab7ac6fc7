package dev.ferry.ftests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ftests/browser/drive.mjs}: headless Chromium (/usr/bin/chromium through playwright-core)
 * walking a scenario of steps over one or more pages. Build the steps with the static methods.
 */
final class BrowserDriver {
    record Result(int status, String report) {
        boolean ok() {
            return status == 0;
        }
    }

    private final List<String> steps = new ArrayList<>();

    private BrowserDriver step(String page, String key, String jsonValue) {
        steps.add("{" + (page == null ? "" : "\"page\":" + q(page) + ",") + q(key) + ":" + jsonValue + "}");
        return this;
    }

    BrowserDriver open(String page, String url) { return step(page, "open", q(url)); }
    BrowserDriver type(String page, String text) { return step(page, "type", q(text)); }
    BrowserDriver press(String page, String key) { return step(page, "press", q(key)); }
    BrowserDriver waitText(String page, String text) { return step(page, "waitText", q(text)); }
    BrowserDriver waitRegex(String page, String regex) { return step(page, "waitRegex", q(regex)); }
    BrowserDriver waitLine(String page, String line) { return step(page, "waitLine", q(line)); }
    BrowserDriver waitState(String page, String state) { return step(page, "waitState", q(state)); }
    BrowserDriver waitReason(String page, String text) { return step(page, "waitReason", q(text)); }
    BrowserDriver expectBadge(String page, boolean shown) { return step(page, "expectBadge", String.valueOf(shown)); }
    BrowserDriver expectNoText(String page, String text) { return step(page, "expectNoText", q(text)); }
    BrowserDriver expectInputFrames(String page, int n) { return step(page, "expectInputFrames", String.valueOf(n)); }
    BrowserDriver expectInputFramesAtLeast(String page, int n) { return step(page, "expectInputFramesAtLeast", String.valueOf(n)); }
    /** Waits until this JavaScript expression, evaluated in the page, is truthy. */
    BrowserDriver waitJs(String page, String expression) { return step(page, "waitJs", q(expression)); }
    /** Exactly {@code n} frames of this protocol type were sent by the page so far. */
    BrowserDriver expectFrames(String page, int type, int n) { return step(page, "expectFrames", "[" + type + "," + n + "]"); }
    /** At least {@code n} frames of this protocol type were received by the page so far. */
    BrowserDriver expectReceivedAtLeast(String page, int type, int n) { return step(page, "expectReceivedAtLeast", "[" + type + "," + n + "]"); }
    BrowserDriver screenshot(String page, Path file) { return step(page, "screenshot", q(file.toString())); }
    BrowserDriver sleep(long millis) { return step(null, "sleep", String.valueOf(millis)); }
    BrowserDriver waitSelector(String page, String css) { return step(page, "waitSelector", q(css)); }
    BrowserDriver click(String page, String css) { return step(page, "click", q(css)); }
    BrowserDriver waitDomText(String page, String css, String text) { return step(page, "waitDomText", "[" + q(css) + "," + q(text) + "]"); }
    BrowserDriver waitPlayerTime(String page, double seconds) { return step(page, "waitPlayerTime", String.valueOf(seconds)); }
    BrowserDriver goTo(String page, String url) { return step(page, "goto", q(url)); }
    BrowserDriver waitPageText(String page, String text) { return step(page, "waitPageText", q(text)); }

    /** Fills a form field (the login form's {@code #name}, {@code #password}). */
    BrowserDriver fill(String page, String css, String value) {
        steps.add("{\"page\":" + q(page) + ",\"fill\":" + q(css) + ",\"value\":" + q(value) + "}");
        return this;
    }

    /** A shell prompt at the end of some line: bash's {@code $ } or root's {@code # }. */
    BrowserDriver waitPrompt(String page) { return waitRegex(page, "[$#]\\s*$"); }

    /** Runs the scenario (bounded: the driver limits itself, and is killed after {@code limitSeconds}). */
    Result run(Path dir, int limitSeconds) throws IOException, InterruptedException {
        Path script = Ferry.root().resolve("ftests/browser/drive.mjs");
        Path scenario = Files.createTempFile(dir, "scenario", ".json");
        Files.writeString(scenario, "{\"timeoutMs\":20000,\"steps\":[" + String.join(",", steps) + "]}");
        Path out = Files.createTempFile(dir, "driver", ".out");
        Process p = new ProcessBuilder("node", script.toString(), scenario.toString())
                .directory(script.getParent().toFile())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
        try {
            if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, "driver killed after " + limitSeconds + " s: " + Files.readString(out));
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
