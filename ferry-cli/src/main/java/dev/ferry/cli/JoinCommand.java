package dev.ferry.cli;

import dev.ferry.host.join.Join;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry join}: watch (and, with a read-write link, type into) a shared terminal. */
@Command(name = "join", description = {
        "Join a shared terminal in this terminal, from its web link or its token.",
        "Read-write links type into the session; read-only links only watch (Ctrl-C leaves).",
        Join.ESCAPE_HELP,
        "Exit status: 0 when the session ended or you detached, 1 when the link was refused or the network failed."})
final class JoinCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LINK|TOKEN", description = "A web link (http://HOST:PORT/t/TOKEN) or a token.")
    String target;

    @Option(names = "--relay", paramLabel = "URL", description = "The relay, for a bare token (default $FERRY_RELAY, else http://localhost:8080).")
    String relay;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust these CA certificates for an https relay (private CA, self-signed).")
    java.nio.file.Path caFile;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Join as your account: sessions restricted to listed SSH keys admit you when you own one."
                    + " Default $FERRY_API_KEY, sent only to the relay of --relay or $FERRY_RELAY.")
    String apiKey;

    @Override
    public Integer call() throws Exception {
        String url = relay != null ? relay : System.getenv().getOrDefault("FERRY_RELAY", "http://localhost:8080");
        return new Join(target, url, System.err).caFile(caFile).apiKey(apiKey)
                .environmentApiKey(System.getenv("FERRY_API_KEY"), url).run();
    }
}
