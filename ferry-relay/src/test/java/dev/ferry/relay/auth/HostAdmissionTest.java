package dev.ferry.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.ResizePolicy;
import dev.ferry.relay.hub.SessionAccess;
import dev.ferry.relay.hub.SessionNameTakenException;
import dev.ferry.relay.hub.SessionSpec;
import dev.ferry.relay.hub.Source;
import dev.ferry.relay.store.Store;
import dev.ferry.relay.store.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hosting rules, against accounts in a real store, on SQLite and on PostgreSQL. */
class HostAdmissionTest {
    static final String ED = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMhzhjZUF0zC1uHW4jHMb4214adNRDspdtYTjLiarJ2L test@example";

    @TempDir Path dir;

    static HostAdmission.Request request(String key, String name, String nameRo, List<String> users, String keys) {
        return new HostAdmission.Request(key, name, nameRo, users, keys);
    }

    @ParameterizedTest
    @MethodSource("dev.ferry.relay.store.TestDatabases#kinds")
    void rules(TestDatabases.Kind kind) throws Exception {
        try (Store store = Store.open(dir, TestDatabases.url(kind, dir))) {
            store.users().add("alice", Set.of(AccountRole.OPERATOR), null);
            store.users().add("vera", Set.of(AccountRole.VIEWER), null);
            store.users().add("bob", Set.of(AccountRole.VIEWER), null);
            var ed = PublicKeys.parse(ED);
            store.users().addKey("bob", ed.fingerprint(), ed.publicKey(), "");
            String alice = store.apiKeys().create("alice"), vera = store.apiKeys().create("vera");

            HostAdmission open = new HostAdmission(store.accounts(), false, new FailureLimiter());
            assertThat(open.admit(HostAdmission.Request.NONE, "h")).isEqualTo(SessionAccess.OPEN);
            SessionAccess named = open.admit(request(alice, "demo", "demo-view", List.of(), ""), "h");
            assertThat(named).isEqualTo(new SessionAccess("alice", "demo", "demo-view", null));
            assertThatThrownBy(() -> open.admit(request("", "demo", "", List.of(), ""), "h")).hasMessage(HostAdmission.NAMES_NEED_KEY);
            assertThatThrownBy(() -> open.admit(request(alice, "de--mo", "", List.of(), ""), "h")).hasMessageContaining("invalid session name");
            assertThatThrownBy(() -> open.admit(request(alice, "x", "x", List.of(), ""), "h")).hasMessageContaining("same session name");
            assertThatThrownBy(() -> open.admit(request(vera, "", "", List.of(), ""), "h")).hasMessageContaining("may not host");
            assertThatThrownBy(() -> open.admit(request("fk_nope", "", "", List.of(), ""), "h")).hasMessage(HostAdmission.BAD_KEY);

            SessionAccess restricted = open.admit(request("", "", "", List.of("bob"), ""), "h");
            assertThat(restricted.allowedKeys()).containsExactly(ed.fingerprint());
            assertThat(restricted.admits(Set.of(ed.fingerprint()))).isTrue();
            assertThat(restricted.admits(Set.of())).isFalse();
            assertThat(open.admit(request("", "", "", List.of(), ED + "\n"), "h").allowedKeys()).containsExactly(ed.fingerprint());
            assertThatThrownBy(() -> open.admit(request("", "", "", List.of("alice"), ""), "h")).hasMessageContaining("no registered SSH key");
            assertThatThrownBy(() -> open.admit(request("", "", "", List.of(), "# only a comment\n"), "h")).hasMessageContaining("nobody could join");

            HostAdmission strict = new HostAdmission(store.accounts(), true, new FailureLimiter());
            assertThatThrownBy(() -> strict.admit(HostAdmission.Request.NONE, "h")).hasMessage(HostAdmission.KEY_REQUIRED);
            assertThat(strict.admit(request(alice, "", "", List.of(), ""), "h").owner()).isEqualTo("alice");

            // Guessing API keys is rate-limited per address: blocked even with the right key afterwards.
            HostAdmission limited = new HostAdmission(store.accounts(), false, new FailureLimiter(3, 60_000_000_000L, System::nanoTime));
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> limited.admit(request("fk_guess", "", "", List.of(), ""), "10.0.0.1")).hasMessage(HostAdmission.BAD_KEY);
            }
            assertThatThrownBy(() -> limited.admit(request(alice, "", "", List.of(), ""), "10.0.0.1")).hasMessage(FailureLimiter.TOO_MANY);
            assertThat(limited.admit(request(alice, "", "", List.of(), ""), "10.0.0.2").owner()).isEqualTo("alice");

            // A name a live session holds is refused; the name is free again once it ends.
            try (Hub hub = new Hub()) {
                Source quiet = new Source() {
                    @Override public void input(byte[] data) { }
                    @Override public void notice(String text) { }
                    @Override public void ended(String reason) { }
                };
                var s = hub.open(quiet, new SessionSpec("sh", false, 80, 24, "h", ResizePolicy.HOST, named));
                assertThat(s.readWriteToken()).isEqualTo("alice/demo");
                assertThat(s.readOnlyToken()).isEqualTo("alice/demo-view");
                assertThat(hub.access("alice/demo")).isEqualTo(named);
                var clash = new SessionAccess("alice", "other", "demo", null);
                var spec = new SessionSpec("sh", false, 80, 24, "h", ResizePolicy.HOST, new SessionAccess("alice", "demo-view", null, null));
                assertThatThrownBy(() -> hub.open(quiet, spec)).isInstanceOf(SessionNameTakenException.class)
                        .hasMessageContaining("alice/demo-view is in use");
                s.end("done");
                assertThat(hub.access("alice/demo")).isNull();
                assertThat(hub.open(quiet, new SessionSpec("sh", false, 80, 24, "h", ResizePolicy.HOST, clash)).readWriteToken())
                        .isEqualTo("alice/other");
            }
        }
    }
}
