package dev.ferry.relay.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.relay.auth.AccountRole;
import dev.ferry.relay.auth.ApiKeys;
import dev.ferry.relay.auth.PasswordHasher;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Users, keys and API keys on both databases, through the same migrations. */
class AccountStoreTest {
    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMhzhjZUF0zC1uHW4jHMb4214adNRDspdtYTjLiarJ2L test@example";

    @TempDir Path dir;

    Store open(TestDatabases.Kind kind) throws Exception {
        return Store.open(dir, TestDatabases.url(kind, dir));
    }

    @ParameterizedTest
    @MethodSource("dev.ferry.relay.store.TestDatabases#kinds")
    void usersWithRolesPasswordsAndKeys(TestDatabases.Kind kind) throws Exception {
        try (Store store = open(kind)) {
            UserStore users = store.users();
            assertThat(users.isEmpty()).isTrue();
            users.add("alice", Set.of(AccountRole.ADMIN), PasswordHasher.hash("s3cret pass"));
            users.add("bob", Set.of(AccountRole.VIEWER, AccountRole.OPERATOR), null);
            assertThatThrownBy(() -> users.add("alice", Set.of(AccountRole.VIEWER), null)).hasMessage("user alice already exists");

            assertThat(users.list()).extracting(u -> u.name()).containsExactly("alice", "bob");
            assertThat(users.find("bob").orElseThrow().roles()).containsExactlyInAnyOrder(AccountRole.VIEWER, AccountRole.OPERATOR);
            assertThat(PasswordHasher.verify("s3cret pass", users.find("alice").orElseThrow().passwordHash())).isTrue();
            assertThat(PasswordHasher.verify("wrong", users.find("alice").orElseThrow().passwordHash())).isFalse();

            var key = dev.ferry.relay.auth.PublicKeys.parse(ED25519);
            users.addKey("bob", key.fingerprint(), key.publicKey(), key.comment());
            assertThatThrownBy(() -> users.addKey("bob", key.fingerprint(), key.publicKey(), ""))
                    .hasMessageContaining("already has key");
            assertThatThrownBy(() -> users.addKey("carol", key.fingerprint(), key.publicKey(), "")).hasMessage("no user carol");
            assertThat(users.keys("bob")).singleElement().satisfies(k -> {
                assertThat(k.fingerprint()).isEqualTo(key.fingerprint()).startsWith("SHA256:");
                assertThat(k.comment()).isEqualTo("test@example");
            });

            // A key names its user (an ssh joiner's account in the audit log), unless several registered it.
            assertThat(users.byKey(key.fingerprint())).map(u -> u.name()).contains("bob");
            assertThat(store.accounts().byKey(key.fingerprint())).map(u -> u.name()).contains("bob");
            assertThat(users.byKey("SHA256:nobody")).isEmpty();
            users.addKey("alice", key.fingerprint(), key.publicKey(), key.comment());
            assertThat(users.byKey(key.fingerprint())).as("two owners prove no single identity").isEmpty();
            assertThat(users.removeKey("alice", key.fingerprint())).isTrue();

            String apiKey = store.apiKeys().create("bob");
            assertThat(users.remove("bob")).isTrue();
            assertThat(users.remove("bob")).isFalse();
            assertThat(users.keys("bob")).isEmpty();
            assertThat(store.apiKeys().authenticate(apiKey)).isEmpty();
            assertThat(store.apiKeys().list(null)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.ferry.relay.store.TestDatabases#kinds")
    void apiKeysAreStoredHashedAndRevocable(TestDatabases.Kind kind) throws Exception {
        try (Store store = open(kind)) {
            store.users().add("alice", Set.of(AccountRole.OPERATOR), null);
            ApiKeyStore keys = store.apiKeys();
            String key = keys.create("alice");
            String other = keys.create("alice");
            assertThat(ApiKeys.id(key)).isNotNull();
            assertThat(keys.list("alice")).hasSize(2).allSatisfy(i -> assertThat(i.lastUsed()).isNull());

            // The database holds the hash, never the key.
            var hashes = new Sql(store.dataSource()).query("SELECT key_hash FROM api_keys", rs -> rs.getString(1));
            assertThat(hashes).doesNotContain(key, other).contains(ApiKeys.hash(key));

            assertThat(keys.authenticate(key)).contains("alice");
            assertThat(keys.list("alice").stream().filter(i -> i.id().equals(ApiKeys.id(key))).findFirst().orElseThrow().lastUsed()).isNotNull();
            // Right id, wrong secret; garbage; a key of the right shape nobody issued.
            assertThat(keys.authenticate(key.substring(0, key.length() - 1) + (key.endsWith("a") ? "b" : "a"))).isEmpty();
            assertThat(keys.authenticate("nonsense")).isEmpty();
            assertThat(keys.authenticate(ApiKeys.generate())).isEmpty();

            assertThat(keys.revoke(ApiKeys.id(key))).isTrue();
            assertThat(keys.revoke(ApiKeys.id(key))).isFalse();
            assertThat(keys.authenticate(key)).isEmpty();
            assertThat(keys.authenticate(other)).contains("alice");
            assertThatThrownBy(() -> keys.create("nobody")).hasMessage("no user nobody");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.ferry.relay.store.TestDatabases#kinds")
    void twoProcessesShareTheDatabase(TestDatabases.Kind kind) throws Exception {
        String url = TestDatabases.url(kind, dir);
        try (Store relay = Store.open(dir, url); Store admin = Store.open(dir, url)) {
            admin.users().add("alice", Set.of(AccountRole.OPERATOR), null);
            String key = admin.apiKeys().create("alice");
            assertThat(relay.apiKeys().authenticate(key)).contains("alice");
            admin.apiKeys().revoke(ApiKeys.id(key));
            assertThat(relay.apiKeys().authenticate(key)).isEmpty();
        }
    }
}
