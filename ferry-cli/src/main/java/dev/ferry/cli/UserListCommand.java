package dev.ferry.cli;

import dev.ferry.relay.auth.AccountRole;
import dev.ferry.relay.auth.User;
import dev.ferry.relay.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List users: name, roles, whether a web password is set, number of SSH keys.")
final class UserListCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Override
    public Integer call() throws Exception {
        try (Store store = data.open()) {
            for (User u : store.users().list()) {
                System.out.printf("%-20s %-24s %-12s %d key(s)%n", u.name(),
                        String.join(",", u.roles().stream().map(AccountRole::label).sorted().toList()),
                        u.passwordHash() == null ? "no-password" : "password", store.users().keys(u.name()).size());
            }
        }
        return 0;
    }
}
