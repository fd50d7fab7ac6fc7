package dev.ferry.cli;

import dev.ferry.relay.auth.PasswordHasher;
import dev.ferry.relay.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "passwd", description = "Set a user's web password: typed twice on a terminal, else the first line of standard input.")
final class UserPasswdCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() throws Exception {
        try (Store store = data.open()) {
            if (store.users().find(name).isEmpty()) throw new IllegalArgumentException("no user " + name);
            store.users().setPassword(name, PasswordHasher.hash(Passwords.read(name)));
        }
        System.out.println("password of " + name + " set");
        return 0;
    }
}
