package dev.ferry.cli;

import dev.ferry.relay.auth.ApiKeys;
import dev.ferry.relay.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "create", description = "Create an API key for a user. The key is printed once, alone on the last line; only its hash is kept.")
final class ApiKeyCreateCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(names = "--user", required = true, paramLabel = "NAME") String user;

    @Override
    public Integer call() throws Exception {
        String key;
        try (Store store = data.open()) {
            key = store.apiKeys().create(user);
        }
        System.out.println("API key " + ApiKeys.id(key) + " for " + user + " (shown only this once; keep it secret):");
        System.out.println(key);
        return 0;
    }
}
