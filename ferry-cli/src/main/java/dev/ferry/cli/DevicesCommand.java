package dev.ferry.cli;

import dev.ferry.relay.store.Device;
import dev.ferry.relay.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ferry devices} and {@code ferry device list}: one line per device. */
@Command(name = "devices", aliases = "list", description = "List devices: online or offline, last seen, agent version, OS, group.")
final class DevicesCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Override
    public Integer call() throws Exception {
        try (Store store = data.open()) {
            for (Device d : store.devices().list()) {
                String status = d.isRevoked() ? "revoked" : d.online() ? "online" : "offline";
                System.out.println(d.name() + " " + status + " last-seen=" + (d.lastSeen() == null ? "never" : d.lastSeen())
                        + " group=" + (d.group() == null ? "-" : d.group()) + " agent=" + (d.agentVersion() == null ? "-" : d.agentVersion())
                        + " host=" + (d.hostname() == null ? "-" : d.hostname()) + " os=\"" + (d.os() == null ? "-" : d.os()) + "\"");
            }
        }
        return 0;
    }
}
