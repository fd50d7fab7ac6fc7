package dev.ferry.relay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferry.relay.RelayConfig;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.HubLimits;
import dev.ferry.relay.store.Store;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Until accounts exist, recordings and the audit log are served to the relay's own machine only. */
class RecordingsApiAccessTest {
    @TempDir Path dir;

    private static InetAddress nonLoopback() throws Exception {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) continue;
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) return a;
            }
        }
        return null;
    }

    private static int get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void loopbackIsServedAndEveryOtherAddressIsRefused() throws Exception {
        InetAddress other = nonLoopback();
        assumeTrue(other != null, "this machine has no non-loopback IPv4 address");
        WebListener web = new WebListener();
        try (Store store = Store.open(dir, dev.ferry.relay.store.TestDatabases.selectedUrl(dir)); Hub hub = new Hub()) {
            web.start(hub, new RelayConfig("0.0.0.0", 0, 0, null, dir, HubLimits.DEFAULT), store);
            String local = "http://127.0.0.1:" + web.port();
            String remote = "http://" + other.getHostAddress() + ":" + web.port();
            for (String path : new String[] {"/api/recordings", "/api/audit"}) {
                assertThat(get(local + path)).as(path).isEqualTo(200);
                assertThat(get(remote + path)).as(path + " from " + other).isEqualTo(403);
            }
            // The replay pages live in ferry-web (not on this module's classpath): refused before they are looked for.
            assertThat(get(remote + "/recordings")).isEqualTo(403);
            assertThat(get(remote + "/recordings/00000000-0000-0000-0000-000000000000")).isEqualTo(403);
            assertThat(get(local + "/api/recordings/00000000-0000-0000-0000-000000000000.cast")).isEqualTo(404);
            assertThat(get(remote + "/api/recordings/00000000-0000-0000-0000-000000000000.cast")).isEqualTo(403);
            assertThat(get(local + "/api/audit?since=yesterday")).isEqualTo(400);
            assertThat(get(remote + "/t/not-a-token")).as("the session page is unaffected").isNotEqualTo(403);
        } finally {
            web.close();
        }
    }
}
