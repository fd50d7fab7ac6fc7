package dev.ferry.host.connect;

import dev.ferry.host.join.Join;
import dev.ferry.host.tty.LocalTerminal;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * {@code ferry connect DEVICE}: asks the relay for a new shell on the device (with the user's API
 * key), prints the shell's links to stderr, then joins it read-write as {@code ferry join} does.
 */
public final class Connect {
    private final String relay;
    private final String apiKey;
    private final Path caFile;
    private final PrintStream err;

    public Connect(String relay, String apiKey, Path caFile, PrintStream err) {
        this.relay = relay;
        this.apiKey = apiKey;
        this.caFile = caFile;
        this.err = err;
    }

    public int run(String device) throws InterruptedException {
        if (apiKey == null || apiKey.isBlank()) {
            err.println("ferry: connecting to a device needs your API key: --api-key KEY or FERRY_API_KEY");
            return 1;
        }
        String base = dev.ferry.host.net.RelayUrl.base(relay);
        int[] size = LocalTerminal.size();
        String url = base + "/api/devices/" + URLEncoder.encode(device, StandardCharsets.UTF_8) + "/shells"
                + (size == null ? "" : "?cols=" + size[0] + "&rows=" + size[1]);
        String body;
        int status;
        HttpClient http = null;
        try {
            http = dev.ferry.host.net.Tls.httpClient(caFile);
            http.start();
            ContentResponse r = http.newRequest(url).method(HttpMethod.POST).headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer " + apiKey.strip()))
                    .timeout(20, TimeUnit.SECONDS).send();
            status = r.getStatus();
            body = r.getContentAsString();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            Throwable t = e;
            while (t.getCause() != null) t = t.getCause();
            err.println("ferry: cannot reach the relay at " + base + ": " + (t.getMessage() == null ? t : t.getMessage()));
            return 1;
        } finally {
            if (http != null) {
                try {
                    http.stop();
                } catch (Exception e) {
                    // best effort
                }
            }
        }
        if (status != 201) {
            String why = field(body, "error");
            err.println("ferry: " + (why != null ? why : status == 401 ? "the relay did not accept your API key" : "the relay answered " + status));
            return 1;
        }
        String web = field(body, "web"), webRo = field(body, "webReadOnly"), ssh = field(body, "ssh"), sshRo = field(body, "sshReadOnly");
        if (web == null) {
            err.println("ferry: the relay's answer has no link");
            return 1;
        }
        if (ssh != null) err.println("ssh session: " + ssh);
        if (sshRo != null) err.println("ssh session read only: " + sshRo);
        err.println("web session: " + web);
        err.println("web session read only: " + webRo);
        err.flush();
        return new Join(web, null, err).caFile(caFile).run();
    }

    /** A string field of the relay's flat JSON answer (its values hold no escaped quotes but \\u escapes are decoded). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json == null ? "" : json);
        if (!m.find()) return null;
        String v = m.group(1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                switch (n) {
                    case 'u' -> {
                        if (i + 4 < v.length()) {
                            out.append((char) Integer.parseInt(v.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                    }
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
