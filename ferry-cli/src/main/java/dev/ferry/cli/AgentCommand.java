package dev.ferry.cli;

import dev.ferry.host.agent.Agent;
import dev.ferry.host.agent.AgentConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "agent", description = {"Run the device agent: one outbound connection to the relay; authorised users open shells on",
        "this device on demand (`ferry connect DEVICE`, or the device's web page). Settings: --config FILE (see packaging/agent.conf)."})
final class AgentCommand implements Callable<Integer> {
    @Option(names = "--relay", paramLabel = "URL", description = "The relay (default $FERRY_RELAY, else the config file's relay).") String relay;

    @Option(names = "--token", paramLabel = "TOKEN", description = "The device token from `ferry device add` (default $FERRY_DEVICE_TOKEN, else the config file's token).")
    String token;

    @Option(names = "--config", paramLabel = "FILE", description = "Agent config file (properties): shell command and user, limits, grace period.")
    Path config;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust these CA certificates for an https relay (private CA, self-signed).")
    String caFile;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        Map<String, String> flags = new HashMap<>();
        flags.put("relay", relay != null ? relay : env.get("FERRY_RELAY"));
        flags.put("token", token != null ? token : env.get("FERRY_DEVICE_TOKEN"));
        flags.put("ca-file", caFile);
        AgentConfig c = AgentConfig.load(config, flags);
        String v = Main.class.getPackage().getImplementationVersion();
        Agent agent = new Agent(c, v == null ? "dev" : v, System.err);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.stop();
            try {
                main.join(3000);
            } catch (InterruptedException e) {
                // exiting anyway
            }
        }, "ferry-agent-stop"));
        return agent.run();
    }
}
