package dev.ferry.cli;

import dev.ferry.host.net.GithubKeys;
import dev.ferry.host.share.Share;
import dev.ferry.protocol.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

    @Option(names = "--api-key", paramLabel = "KEY", description = "Your API key (default $FERRY_API_KEY): needed for names, and by relays that require one.")
    String apiKey;

    @Option(names = "--name", paramLabel = "NAME", description = "A stable read-write link: ssh USER/NAME@relay and /t/USER/NAME (needs an API key).")
    String name;

    @Option(names = "--name-ro", paramLabel = "NAME", description = "A stable read-only link: USER/NAME.")
    String nameRo;

    @Option(names = "--authorized-keys", paramLabel = "FILE", description = "Only holders of these SSH keys may join (authorized_keys format).")
    Path authorizedKeys;

    @Option(names = "--allow-user", paramLabel = "NAME", description = "Also admit this relay user's registered SSH keys (repeatable).")
    List<String> allowUsers = new ArrayList<>();

    @Option(names = "--github-user", paramLabel = "NAME", description = "Also admit this GitHub user's public keys (https://github.com/NAME.keys; repeatable).")
    List<String> githubUsers = new ArrayList<>();

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust these CA certificates for an https relay (private CA, self-signed).")
    Path caFile;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "Command and arguments, after --.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        var env = System.getenv();
        String url = relay != null ? relay : env.getOrDefault("FERRY_RELAY", "http://localhost:8080");
        String key = apiKey != null ? apiKey : env.getOrDefault("FERRY_API_KEY", "");
        StringBuilder keys = new StringBuilder();
        if (authorizedKeys != null) {
            try {
                keys.append(Files.readString(authorizedKeys, StandardCharsets.UTF_8)).append('\n');
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("authorized keys file not found: " + authorizedKeys);
            }
        }
        String githubBase = env.getOrDefault("FERRY_GITHUB_KEYS_URL", GithubKeys.DEFAULT_BASE);
        for (String user : githubUsers) keys.append(GithubKeys.fetch(githubBase, user)).append('\n');
        boolean restricted = authorizedKeys != null || !githubUsers.isEmpty() || !allowUsers.isEmpty();
        if (restricted && keys.toString().isBlank() && allowUsers.isEmpty()) {
            throw new IllegalArgumentException("the authorized keys list no key: nobody could join");
        }
        Message.HostOptions options = key.isEmpty() && name == null && nameRo == null && !restricted ? null
                : new Message.HostOptions(key, orEmpty(name), orEmpty(nameRo), String.join(",", allowUsers), keys.toString());
        return new Share(new Share.Options(url, readOnly, headless, command, options, caFile), System.out, System.err).run();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
