package dev.ferry.cli;

import dev.ferry.relay.auth.UserKey;
import dev.ferry.relay.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "list", description = "List a user's SSH keys: fingerprint, type, comment.")
final class UserKeyListCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() throws Exception {
        try (Store store = data.open()) {
            if (store.users().find(name).isEmpty()) throw new IllegalArgumentException("no user " + name);
            for (UserKey k : store.users().keys(name)) {
                System.out.println(k.fingerprint() + " " + k.publicKey().split(" ")[0] + (k.comment().isEmpty() ? "" : " " + k.comment()));
            }
        }
        return 0;
    }
}
