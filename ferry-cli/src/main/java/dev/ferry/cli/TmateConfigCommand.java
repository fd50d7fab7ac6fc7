package dev.ferry.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ferry tmate-config --relay URL}: prints a {@code ~/.tmate.conf} for the relay's SSH port. */
@Command(name = "tmate-config", description = "Print a ~/.tmate.conf that makes stock tmate (2.4) use this relay.")
final class TmateConfigCommand implements Callable<Integer> {
    @Option(names = "--relay", description = "The relay's web URL (default: $FERRY_RELAY, else http://localhost:8080).")
    String relay;

    @Override
    public Integer call() throws Exception {
        String base = relay != null ? relay : System.getenv().getOrDefault("FERRY_RELAY", "http://localhost:8080");
        URI uri;
        try {
            uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/tmate.conf");
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) throw new IllegalArgumentException();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a relay URL: " + base);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r;
        try {
            r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.IOException("cannot reach the relay at " + base + ": " + e.getMessage(), e);
        }
        if (r.statusCode() == 404) throw new IllegalStateException("the relay at " + base + " serves no SSH port for tmate");
        if (r.statusCode() != 200 || !r.body().contains("set -g tmate-server-host ")) {
            throw new IllegalStateException("the relay at " + base + " answered " + r.statusCode() + ", not a tmate configuration");
        }
        System.out.print(r.body());
        System.out.flush();
        return 0;
    }
}
