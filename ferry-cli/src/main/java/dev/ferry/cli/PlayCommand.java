package dev.ferry.cli;

import dev.ferry.host.tty.LocalTerminal;
import dev.ferry.protocol.asciicast.AsciicastReader;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Plays an asciicast recording in this terminal with its original timing. */
@Command(name = "play", mixinStandardHelpOptions = true, description = {
        "Play an asciicast v2 recording (.cast file, or a recording id of this relay) in this terminal with its original timing.",
        "Keys while playing: space pause/resume, '.' next event while paused, q quit."})
final class PlayCommand implements Callable<Integer> {
    @Option(names = {"-s", "--speed"}, defaultValue = "1", paramLabel = "X",
            description = "Play X times as fast (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = {"-i", "--idle-limit"}, paramLabel = "S",
            description = "Cap every pause at S seconds (default: the recording's idle_time_limit; 0 for no cap).")
    Double idleLimit;

    @Option(names = "--from", defaultValue = "0", paramLabel = "T",
            description = "Start at T seconds: output before T is shown at once.")
    double from;

    @picocli.CommandLine.Mixin DataOptions data = new DataOptions();   // for a recording ID

    @Parameters(paramLabel = "FILE|ID", description = "The recording: a .cast file, or a session id from ferry recordings.")
    String recording;

    @Override
    public Integer call() throws Exception {
        RecordingSource source = RecordingSource.of(recording, data);
        try (AsciicastReader reader = source.open()) {
            Double idle = idleLimit == null ? reader.header().idleTimeLimit() : idleLimit == 0 ? null : idleLimit;
            Player.Options options = new Player.Options(speed, idle, from);
            OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
            LocalTerminal tty = keyAtATime();
            try {
                Keys keys = tty == null ? Keys.none() : Keys.readFrom(System.in);
                new Player(out, options, keys, System::nanoTime).play(reader);
            } finally {
                out.flush();
                if (tty != null) {
                    tty.restore();
                }
            }
            if (reader.tornTail() != null) {
                System.err.println("ferry: " + recording + ": " + reader.tornTail());
            }
        }
        return 0;
    }

    /** The terminal in key-at-a-time mode when standard input is one; null when it is not. */
    private static LocalTerminal keyAtATime() {
        LocalTerminal tty = LocalTerminal.openIfInteractive();
        if (tty == null) return null;
        try {
            tty.keys();
            return tty;
        } catch (java.io.IOException e) {
            tty.restore();
            return null;
        }
    }
}
