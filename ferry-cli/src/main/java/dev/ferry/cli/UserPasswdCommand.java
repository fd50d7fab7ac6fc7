package dev.ferry.cli;

import dev.ferry.relay.auth.PasswordHasher;
import dev.ferry.relay.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "passwd", description = "Set a user's web password: typed twice on a terminal, else the first line of standard input.")
final class UserPasswdCommand implements Callable<Integer> {
    @Mixin UserOptions user = new UserOptions();

    @Override
    public Integer call() throws Exception {
        try (Store store = user.openWithUser()) {
            store.users().setPassword(user.name, PasswordHasher.hash(Passwords.read(user.name)));
        }
        System.out.println("password of " + user.name + " set");
        return 0;
    }
}
