package dev.ferry.cli;

import dev.ferry.relay.auth.AccountRole;
import dev.ferry.relay.auth.PasswordHasher;
import dev.ferry.relay.auth.UserNames;
import dev.ferry.relay.store.Store;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", description = "Add a user with one or more roles (admin, operator, viewer).")
final class UserAddCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE", description = "admin, operator or viewer (repeatable).")
    List<String> roles;

    @Option(names = "--password", description = "Set a web password: typed twice on a terminal, else the first line of standard input.")
    boolean password;

    @Override
    public Integer call() throws Exception {
        UserNames.check("user name", name);
        Set<AccountRole> parsed = EnumSet.noneOf(AccountRole.class);
        for (String r : roles) parsed.add(AccountRole.parse(r));
        String hash = password ? PasswordHasher.hash(Passwords.read(name)) : null;
        try (Store store = data.open()) {
            store.users().add(name, parsed, hash);
        }
        System.out.println("user " + name + " added (" + String.join(",", parsed.stream().map(AccountRole::label).sorted().toList()) + ")");
        return 0;
    }
}
