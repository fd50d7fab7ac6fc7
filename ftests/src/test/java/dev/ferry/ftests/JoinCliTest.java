package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry join} in a real terminal (a tmux pane) and without one, against a real relay and share. */
class JoinCliTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final ClassRelay relay = new ClassRelay();

    @TempDir
    static Path tmp;

    /** A tmux pane running a plain shell in which the test types the join command line. */
    private static Tmux shellPane() throws Exception {
        Tmux t = new Tmux(100, 30, "env PS1='pane$ ' bash --norc");
        t.waitForText("pane$");
        return t;
    }

    private static String joinLine(String link) {
        return Ferry.shellCommand("join", link) + "; echo EXIT=$?";
    }

    @Test
    void typesIntoTheSessionAndDetachesWithEnterTildeDot() throws Exception {
        try (ShareProcess share = relay.share("bash", "--norc"); Tmux pane = shellPane()) {
            pane.type(joinLine(share.links().get("web session")));
            pane.sendKeys("Enter");
            pane.waitFor(WAIT, "the shared prompt", s -> s.contains("bash-"));
            pane.type("echo $((6*7))");
            pane.sendKeys("Enter");
            pane.waitFor(WAIT, "42 on its own line", s -> s.lines().anyMatch(l -> l.trim().equals("42")));
            pane.sendKeys("Enter");
            pane.type("~.");
            pane.waitForText("EXIT=0");
            assertThat(pane.capture()).contains("ferry: detached");
            // The local terminal is cooked again: canonical mode and echo are back.
            pane.type("stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo END");
            pane.sendKeys("Enter");
            String screen = pane.waitFor(WAIT, "stty's answer", s -> s.lines().anyMatch(l -> l.matches("-?icanon -?echo END\\s*")));
            assertThat(screen.lines().filter(l -> l.matches("-?icanon -?echo END\\s*")).findFirst().orElseThrow().trim())
                    .isEqualTo("icanon echo END");
            assertThat(share.process().isAlive()).as("detaching leaves the session running").isTrue();
            // ferry join says it is the CLI (?client=cli): the host's notice and the audit log name it so.
            Ferry.waitUntil(WAIT, "the host's notice", () -> share.stderr().contains("joined read-write via cli from 127.0.0.1"));
            PlayCli.Run audit = PlayCli.ferry(tmp, "audit", "--data", relay.get().dataDir().toString());
            assertThat(audit.stdoutText()).contains("read-write via cli from 127.0.0.1");
        }
    }

    @Test
    void theJoinersTerminalDoesNotAnswerTheProgramsQueries() throws Exception {
        // The headless host answers; the joiner's terminal (tmux here) must never see the query.
        String script = "echo ready; read go; stty raw -echo; printf '\\033[6n'; sleep 1; r=; "
                + "while IFS= read -r -s -n1 -t 0.5 c; do r=\"$r$c\"; done; stty sane; echo; "
                + "echo \"answers=$(printf '%s' \"$r\" | tr -cd R | wc -c)\"; exec sleep 30";
        try (ShareProcess share = relay.share("bash", "-c", script); Tmux pane = shellPane()) {
            pane.type(joinLine(share.links().get("web session")));
            pane.sendKeys("Enter");
            pane.waitFor(WAIT, "the program's first line", s -> s.lines().anyMatch(l -> l.trim().equals("ready")));
            pane.type("go");
            pane.sendKeys("Enter");
            String screen = pane.waitFor(WAIT, "the count", s -> s.lines().anyMatch(l -> l.matches("answers=\\d+\\s*")));
            assertThat(screen.lines().filter(l -> l.startsWith("answers=")).findFirst().orElseThrow().trim()).isEqualTo("answers=1");
        }
    }

    @Test
    void readOnlyJoinSendsNothing() throws Exception {
        try (ShareProcess share = relay.share("bash", "--norc"); Tmux pane = shellPane()) {
            pane.type(joinLine(share.links().get("web session read only")));
            pane.sendKeys("Enter");
            pane.waitFor(WAIT, "the shared prompt", s -> s.contains("bash-"));
            pane.type("echo ro-typed-$((3*5))");
            pane.sendKeys("Enter");
            Thread.sleep(1500);
            try (WsPeer rw = WsPeer.connect(relay.get().ws("/ws/join/" + share.readWriteToken()))) {
                rw.send(new dev.ferry.protocol.Message.Input("echo rw-$((2+3))\r".getBytes(StandardCharsets.UTF_8)));
                rw.awaitText("rw-5", WAIT);
                assertThat(rw.terminalText()).doesNotContain("ro-typed");
            }
            pane.waitForText("rw-5");  // the read-only joiner watches live
            assertThat(pane.capture()).doesNotContain("ro-typed-15");
            pane.sendKeys("C-c");  // read-only: Ctrl-C leaves
            pane.waitForText("EXIT=0");
        }
    }

    /** The fifth participant: ferry join asks for deflated frames, and gets them once the session is this crowded. */
    @Test
    void inACrowdedSessionTheJoinReadsDeflatedFrames() throws Exception {
        java.util.List<WsPeer> others = new java.util.ArrayList<>();
        try (ShareProcess share = relay.share("bash", "--norc"); Tmux pane = shellPane()) {
            for (int i = 0; i < 4; i++) others.add(WsPeer.connect(relay.get().ws("/ws/join/" + share.readWriteToken() + "?deflated=1")));
            pane.type(joinLine(share.links().get("web session")));
            pane.sendKeys("Enter");
            pane.waitFor(WAIT, "the shared prompt", s -> s.contains("bash-"));
            pane.type("seq -f 'line %05g of a long listing' 1 3000; echo listed-$((6*7))");
            pane.sendKeys("Enter");
            String screen = pane.waitFor(WAIT, "the end of the listing", s -> s.lines().anyMatch(l -> l.trim().equals("listed-42")));
            assertThat(screen).contains("line 03000 of a long listing");
            others.get(0).awaitText("line 01500 of a long listing", WAIT);   // served too (it may lag the joiner)
            pane.sendKeys("Enter");
            pane.type("~.");
            pane.waitForText("EXIT=0");
        } finally {
            others.forEach(WsPeer::close);
        }
    }

    @Test
    void hostExitEndsTheJoinWithTheReasonAndStatusZero() throws Exception {
        try (ShareProcess share = relay.share("sh", "-c", "echo ready-to-go; read line; exit 0"); Tmux pane = shellPane()) {
            pane.type(joinLine(share.links().get("web session")));
            pane.sendKeys("Enter");
            pane.waitForText("ready-to-go");
            pane.type("x");
            pane.sendKeys("Enter");
            String screen = pane.waitFor(WAIT, "the end", s -> s.contains("EXIT="));
            assertThat(screen).contains("session ended: the host's command exited (status 0)").contains("EXIT=0");
        }
    }

    @Test
    void unknownOrMalformedTokenIsRefusedWithStatusOne() throws Exception {
        Result unknown = run(null, "join", "--relay", relay.get().webBase(), Tokens.readWrite());
        assertThat(unknown.status).isEqualTo(1);
        assertThat(unknown.err).contains("Invalid or expired session token");
        Result malformed = run(null, "join", relay.get().webBase() + "/t/not-a-token");
        assertThat(malformed.status).isEqualTo(1);
        assertThat(malformed.err).contains("Invalid or expired session token");
        Result noRelay = run(null, "join", "--relay", "http://127.0.0.1:1", Tokens.readWrite());
        assertThat(noRelay.status).isEqualTo(1);
        assertThat(noRelay.err).contains("cannot reach the relay at http://127.0.0.1:1");
    }

    @Test
    void withoutATerminalStdinIsSentAndOutputPrinted() throws Exception {
        try (ShareProcess share = relay.share("sh", "-c", "read line; echo got-$line-$((40+2))")) {
            Result r = run("hello\n", "join", share.links().get("web session"));
            assertThat(r.status).as(r.err).isEqualTo(0);
            assertThat(r.out).contains("got-hello-42");
            assertThat(r.err).contains("session ended: the host's command exited (status 0)");
        }
    }

    private record Result(int status, String out, String err) {}

    private static Result run(String stdin, String... args) throws Exception {
        Path out = tmp.resolve("join-" + System.nanoTime() + ".out"), err = tmp.resolve("join-" + System.nanoTime() + ".err");
        ProcessBuilder pb = new ProcessBuilder(Ferry.command(args)).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin == null) pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        try {
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().flush();
            }
            if (!p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) throw new AssertionError("ferry join still running: " + Ferry.read(err));
            return new Result(p.exitValue(), Ferry.read(out), Ferry.read(err));
        } finally {
            p.destroyForcibly();
        }
    }
}
