package dev.ferry.cli;

import dev.ferry.host.share.Share;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferry share}: share a shell (or a command) through the relay. */
@Command(name = "share", description = {
        "Share $SHELL (or COMMAND) through the relay and print its links, like tmate.",
        "Inside the shared shell, `ferry show-links` (or cat $FERRY_LINKS_FILE) prints them again."})
final class ShareCommand implements Callable<Integer> {
    @Option(names = "--relay", paramLabel = "URL", description = "The relay (default $FERRY_RELAY, else http://localhost:8080).")
    String relay;

    @Option(names = "--read-only", description = "Only read-only links exist: nobody but you can type.")
    boolean readOnly;

    @Option(names = "--headless", description = "No local terminal (like tmate -F): links on stdout, notices on stderr.")
    boolean headless;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "Command and arguments, after --.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String url = relay != null ? relay : System.getenv().getOrDefault("FERRY_RELAY", "http://localhost:8080");
        return new Share(new Share.Options(url, readOnly, headless, command), System.out, System.err).run();
    }
}
