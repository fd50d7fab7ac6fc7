package dev.ferry.cli;

import dev.ferry.relay.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", description = "Register a device. Its token is printed once, alone on the last line; only its hash is kept.")
final class DeviceAddCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Option(names = "--group", paramLabel = "GROUP", description = "The device's group (users can be limited to groups).") String group;

    @Override
    public Integer call() throws Exception {
        String token;
        try (Store store = data.open()) {
            token = store.devices().add(name, group);
        }
        System.out.println("device " + name + (group == null ? "" : " in group " + group)
                + " added; run `ferry agent --relay URL --token TOKEN` on it. Its token (shown only this once; keep it secret):");
        System.out.println(token);
        return 0;
    }
}
