package dev.ferry.cli;

import dev.ferry.relay.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "remove", description = "Remove one of a user's SSH keys by its SHA256: fingerprint.")
final class UserKeyRemoveCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Parameters(index = "1", paramLabel = "FINGERPRINT") String fingerprint;

    @Override
    public Integer call() throws Exception {
        try (Store store = data.open()) {
            if (!store.users().removeKey(name, fingerprint)) {
                throw new IllegalArgumentException(name + " has no key " + fingerprint);
            }
        }
        System.out.println("key " + fingerprint + " removed from " + name);
        return 0;
    }
}
