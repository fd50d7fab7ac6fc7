package dev.ferry.cli;

import dev.ferry.relay.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "revoke", description = "Revoke a device's token: its agent is refused from its next connection on.")
final class DeviceRevokeCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Override
    public Integer call() throws Exception {
        try (Store store = data.open()) {
            if (!store.devices().revoke(name)) throw new IllegalArgumentException("no active device " + name);
        }
        System.out.println("device " + name + " revoked");
        return 0;
    }
}
