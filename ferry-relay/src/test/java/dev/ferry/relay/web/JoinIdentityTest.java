package dev.ferry.relay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import dev.ferry.relay.RelayConfig;
import dev.ferry.relay.auth.AccountRole;
import dev.ferry.relay.auth.FailureLimiter;
import dev.ferry.relay.auth.HostAdmission;
import dev.ferry.relay.auth.PasswordHasher;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.HubLimits;
import dev.ferry.relay.hub.ResizePolicy;
import dev.ferry.relay.hub.Session;
import dev.ferry.relay.hub.SessionSpec;
import dev.ferry.relay.hub.Source;
import dev.ferry.relay.record.RecordingService;
import dev.ferry.relay.store.AuditEvent;
import dev.ferry.relay.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who a web or CLI participant is, as the audit log records it: the user of an API key sent as
 * {@code Authorization: Bearer} on the WebSocket upgrade (what {@code ferry join} with an API key
 * sends), or of the login cookie from this relay's own page; a viewer's account is seated read-only;
 * a bad key is refused before the upgrade; a foreign page's cookie counts for nothing.
 */
class JoinIdentityTest {
    @TempDir Path dir;
    private Store store;
    private RecordingService recordings;
    private Hub hub;
    private final WebListener web = new WebListener();
    private String base;

    private static final class Host implements Source {
        @Override public void input(byte[] data) {}
        @Override public void notice(String text) {}
        @Override public void ended(String reason) {}
    }

    @BeforeEach
    void start() throws Exception {
        store = Store.open(dir);
        recordings = new RecordingService(dir, store, new RecordingService.Options(false, null, Clock.systemUTC()));
        recordings.start();
        FailureLimiter failures = new FailureLimiter();
        hub = new Hub(HubLimits.DEFAULT, store, failures, recordings);
        hub.admission(new HostAdmission(store.accounts(), false, failures));
        store.users().add("vera", Set.of(AccountRole.VIEWER), null);
        store.users().add("otto", Set.of(AccountRole.OPERATOR), PasswordHasher.hash("otto-pw-1"));
        web.start(hub, new RelayConfig("127.0.0.1", 0, 0, null, dir, HubLimits.DEFAULT), store);
        base = "http://127.0.0.1:" + web.port();
    }

    @AfterEach
    void stop() {
        hub.shutdown("test over");
        web.close();
        hub.close();
        recordings.close();
        store.close();
    }

    /** Joins, returns whether the relay seated it read-only (the session-info frame's flag), and leaves. */
    private boolean join(String token, String query, Map<String, String> headers) throws Exception {
        CompletableFuture<Message> first = new CompletableFuture<>();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(b::header);
        WebSocket ws = b.buildAsync(URI.create(base.replace("http", "ws") + "/ws/join/" + token + query), new WebSocket.Listener() {
            final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();

            @Override
            public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                byte[] a = new byte[data.remaining()];
                data.get(a);
                buf.writeBytes(a);
                if (last && !first.isDone()) {
                    try {
                        first.complete(Frames.decode(ByteBuffer.wrap(buf.toByteArray())));
                    } catch (dev.ferry.protocol.ProtocolException e) {
                        first.completeExceptionally(e);
                    }
                }
                w.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        try {
            return ((Message.SessionInfo) first.get(10, TimeUnit.SECONDS)).readOnly();
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        }
    }

    private String login() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("name=otto&password=otto-pw-1")).build(), HttpResponse.BodyHandlers.ofString());
        String c = r.headers().firstValue("Set-Cookie").orElseThrow();
        return c.substring(0, c.indexOf(';'));
    }

    private List<AuditEvent> joins(String id, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<AuditEvent> joins = store.audit().list(id, null).stream().filter(e -> e.kind().equals("join")).toList();
            if (joins.size() >= count || System.nanoTime() > deadline) return joins;
            Thread.sleep(20);
        }
    }

    @Test
    void apiKeysAndSameOriginLoginsNameTheParticipantAndViewersOnlyWatch() throws Exception {
        Session s = hub.open(new Host(), new SessionSpec("bash", false, 80, 24, "10.0.0.1", ResizePolicy.HOST));
        String rw = s.readWriteToken();
        String veraKey = store.apiKeys().create("vera"), ottoKey = store.apiKeys().create("otto");
        String cookie = login();

        assertThat(join(rw, "?client=cli", Map.of("Authorization", "Bearer " + veraKey))).as("a viewer's key").isTrue();
        assertThat(join(rw, "?client=cli", Map.of("Authorization", "Bearer " + ottoKey))).as("an operator's key").isFalse();
        assertThat(join(rw, "", Map.of("Cookie", cookie, "Origin", base))).isFalse();
        assertThat(join(rw, "", Map.of("Cookie", cookie, "Origin", "http://evil.example"))).isFalse();
        assertThat(join(rw, "", Map.of())).isFalse();

        Throwable refused = catchThrowable(() -> join(rw, "?client=cli", Map.of("Authorization", "Bearer fk_nope")));
        assertThat(refused).as("refused before the upgrade").hasStackTraceContaining("status code 401");

        assertThat(joins(s.id(), 5)).extracting(j -> j.participant() + " " + j.transport() + " " + j.access() + " " + j.user())
                .containsExactly("1 cli read-only vera", "2 cli read-write otto", "3 web read-write otto",
                        "4 web read-write null", "5 web read-write null");
    }
}
