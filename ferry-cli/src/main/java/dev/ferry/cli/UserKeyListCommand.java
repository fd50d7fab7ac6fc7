package dev.ferry.cli;

import dev.ferry.relay.auth.UserKey;
import dev.ferry.relay.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List a user's SSH keys: fingerprint, type, comment.")
final class UserKeyListCommand implements Callable<Integer> {
    @Mixin UserOptions user = new UserOptions();

    @Override
    public Integer call() throws Exception {
        try (Store store = user.openWithUser()) {
            for (UserKey k : store.users().keys(user.name)) {
                System.out.println(k.fingerprint() + " " + k.publicKey().split(" ")[0] + (k.comment().isEmpty() ? "" : " " + k.comment()));
            }
        }
        return 0;
    }
}
