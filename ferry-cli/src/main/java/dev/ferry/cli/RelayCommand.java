package dev.ferry.cli;

import dev.ferry.relay.RelayConfig;
import dev.ferry.relay.RelayServer;
import dev.ferry.relay.Settings;
import dev.ferry.relay.hub.HubLimits;
import java.time.Duration;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferry relay}: runs the relay on embedded defaults until SIGTERM or Ctrl-C. */
@Command(name = "relay", description = {
        "Run the relay: hosts share terminals through it, participants join with ssh, a browser or ferry join.",
        "Settings come from flags, then FERRY_* environment variables (FERRY_HTTP_PORT...), then the config file",
        "(key=value lines, e.g. http-port=8080), in that order.",
        "Also settable there: queue-bytes (a participant's backlog before it is resynchronised, default 1048576)",
        "and stall-timeout (seconds a participant may stop reading before it is disconnected, default 60).",
        "tmate-grace: seconds a tmate session waits for its host to reconnect after a network drop (default 60).",
        "Every session is recorded under DATA/recordings/ (see ferry recordings, ferry audit)."})
final class RelayCommand implements Callable<Integer> {
    @Option(names = "--listen", paramLabel = "ADDR", description = "Address to bind (default 0.0.0.0).")
    String listen;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP and WebSocket port (default 8080; 0 picks a free one).")
    String httpPort;

    @Option(names = "--ssh-port", paramLabel = "PORT", description = "SSH port (default 2222; 0 picks a free one).")
    String sshPort;

    @Option(names = "--public-url", paramLabel = "URL", description = "How participants reach this relay (default: http://HOST:PORT).")
    String publicUrl;

    @Mixin DataOptions dataOptions = new DataOptions();

    @Option(names = "--require-api-key", paramLabel = "true|false",
            description = "Hosts need an API key (of an admin or operator) to share. Default: true unless --listen is a loopback address.")
    String requireApiKey;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Certificate chain (PEM): serve HTTPS and WSS.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key (PEM, PKCS#8) for --tls-cert.")
    Path tlsKey;

    @Option(names = "--record-input", description = "Also record what participants type (\"i\" events in recordings; off by default).")
    boolean recordInput;

    @Option(names = "--keep-recordings", paramLabel = "AGE",
            description = "Delete recordings older than AGE, e.g. 30d, 12h, or 'forever' (default 30d).")
    String keepRecordings;

    @Override
    public Integer call() throws Exception {
        RelayServer server = new RelayServer(resolve(System.getenv()), RelayServer.defaultListeners());
        dev.ferry.relay.HeapPolicy.apply();
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("ferry: relay shutting down");
            server.close();
            stopped.countDown();
        }, "ferry-relay-shutdown"));
        System.out.println("ferry relay running");
        server.banner().forEach(System.out::println);
        System.out.flush();
        stopped.await();
        return 0;
    }

    RelayConfig resolve(Map<String, String> env) {
        Map<String, String> flags = new HashMap<>();
        if (listen != null) flags.put("listen", listen);
        if (httpPort != null) flags.put("http-port", httpPort);
        if (sshPort != null) flags.put("ssh-port", sshPort);
        if (publicUrl != null) flags.put("public-url", publicUrl);
        if (recordInput) flags.put("record-input", "true");
        if (keepRecordings != null) flags.put("keep-recordings", keepRecordings);
        if (requireApiKey != null) flags.put("require-api-key", requireApiKey);
        if (tlsCert != null) flags.put("tls-cert", tlsCert.toString());
        if (tlsKey != null) flags.put("tls-key", tlsKey.toString());
        Path dataDir = dataOptions.dataDir(env);
        Settings s = dataOptions.settings(flags, env);
        String url = s.get("public-url", null);
        URI publicUri = null;
        if (url != null) {
            publicUri = URI.create(url);
            if (publicUri.getScheme() == null || publicUri.getHost() == null || !publicUri.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("public-url must look like https://relay.example.com, got '" + url + "'");
            }
        }
        HubLimits d = HubLimits.DEFAULT;
        HubLimits limits = new HubLimits(s.number("queue-bytes", d.queueBytes(), 4096),
                Duration.ofSeconds(s.number("stall-timeout", (int) d.stallTimeout().toSeconds(), 1)), d.historyLines());
        String bind = s.get("listen", "0.0.0.0");
        String require = s.get("require-api-key", null);
        boolean requireKey = require == null ? !RelayConfig.loopback(bind) : bool("require-api-key", require);
        Path cert = pathOrNull(s.get("tls-cert", null)), key = pathOrNull(s.get("tls-key", null));
        if ((cert == null) != (key == null)) throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        return new RelayConfig(bind, s.port("http-port", 8080), s.port("ssh-port", 2222),
                publicUri, dataDir, limits, s.get("database-url", null), requireKey, cert, key,
                bool("record-input", s.get("record-input", "false")), age(s.get("keep-recordings", "30d")),
                Duration.ofSeconds(s.number("tmate-grace", 60, 1)));
    }

    /** "30d", "12h", "45m" or "forever" (null). */
    static Duration age(String value) {
        String v = value.strip();
        if (v.equals("forever")) return null;
        try {
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            if (n > 0) {
                switch (v.charAt(v.length() - 1)) {
                    case 'd': return Duration.ofDays(n);
                    case 'h': return Duration.ofHours(n);
                    case 'm': return Duration.ofMinutes(n);
                    default: break;
                }
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // fall through to the error
        }
        throw new IllegalArgumentException("keep-recordings must look like 30d, 12h, 45m or forever, got '" + value + "'");
    }

    private static boolean bool(String key, String v) {
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
        };
    }

    private static Path pathOrNull(String s) {
        return s == null ? null : Path.of(s);
    }
}
