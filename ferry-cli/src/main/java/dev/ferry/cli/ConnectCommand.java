package dev.ferry.cli;

import dev.ferry.host.connect.Connect;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "connect", description = {"Open a new shell on a device and join it (like `ferry join`; Enter ~ . detaches).",
        "The shell's links go to stderr so that others may join it. Needs an operator's or admin's API key."})
final class ConnectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DEVICE") String device;

    @Option(names = "--relay", paramLabel = "URL", description = "The relay (default $FERRY_RELAY, else http://localhost:8080).") String relay;

    @Option(names = "--api-key", paramLabel = "KEY", description = "Your API key (default $FERRY_API_KEY).") String apiKey;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust these CA certificates for an https relay (private CA, self-signed).")
    Path caFile;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        String url = relay != null ? relay : env.getOrDefault("FERRY_RELAY", "http://localhost:8080");
        String key = apiKey != null ? apiKey : env.get("FERRY_API_KEY");
        return new Connect(url, key, caFile, System.err).run(device);
    }
}
