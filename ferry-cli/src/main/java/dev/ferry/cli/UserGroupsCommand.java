package dev.ferry.cli;

import dev.ferry.relay.store.Store;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "groups", description = "Limit the device groups a user may open shells in (no GROUP: every group again); prints them.")
final class UserGroupsCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(index = "0", paramLabel = "NAME") String user;

    @Parameters(index = "1..*", paramLabel = "GROUP") List<String> groups = List.of();

    @Override
    public Integer call() throws Exception {
        try (Store store = data.open()) {
            store.devices().limitGroups(user, groups);
            List<String> now = store.devices().groupsOf(user);
            System.out.println(user + " may open shells in " + (now.isEmpty() ? "every device group" : "device groups: " + String.join(", ", now)));
        }
        return 0;
    }
}
