package dev.ferry.cli;

import dev.ferry.relay.auth.ApiKeyInfo;
import dev.ferry.relay.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List API keys: id, user, created, last used, revoked.")
final class ApiKeyListCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(names = "--user", paramLabel = "NAME", description = "Only this user's keys.") String user;

    @Override
    public Integer call() throws Exception {
        try (Store store = data.open()) {
            for (ApiKeyInfo k : store.apiKeys().list(user)) {
                System.out.println(k.id() + " " + k.user() + " created=" + k.created()
                        + " last-used=" + (k.lastUsed() == null ? "never" : k.lastUsed())
                        + (k.revoked() == null ? "" : " revoked=" + k.revoked()));
            }
        }
        return 0;
    }
}
