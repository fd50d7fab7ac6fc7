package dev.ferry.cli;

import dev.ferry.relay.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "remove", description = "Remove a user, with their SSH keys and API keys.")
final class UserRemoveCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() throws Exception {
        try (Store store = data.open()) {
            if (!store.users().remove(name)) throw new IllegalArgumentException("no user " + name);
        }
        System.out.println("user " + name + " removed");
        return 0;
    }
}
