package dev.ferry.cli;

import dev.ferry.relay.auth.ApiKeys;
import dev.ferry.relay.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "revoke", description = "Revoke an API key by its id (as `apikey list` shows it, or the whole key).")
final class ApiKeyRevokeCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(index = "0", paramLabel = "ID") String id;

    @Override
    public Integer call() throws Exception {
        String keyId = ApiKeys.id(id) != null ? ApiKeys.id(id) : id;
        try (Store store = data.open()) {
            if (!store.apiKeys().revoke(keyId)) throw new IllegalArgumentException("no active API key " + keyId);
        }
        System.out.println("API key " + keyId + " revoked");
        return 0;
    }
}
