package dev.ferry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ferry} command. Each subcommand lives in its own class. */
@Command(name = "ferry", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Self-hosted terminal relay: share a terminal, open shells on devices, record and replay.",
        subcommands = {
            RelayCommand.class,
            ShareCommand.class,
            JoinCommand.class,
            ShowLinksCommand.class,
            TmateConfigCommand.class,
            UserCommand.class,
            ApiKeyCommand.class,
            PlayCommand.class,
            RecordingsCommand.class,
            AuditCommand.class,
            ScreenCommand.class,
            DeviceCommand.class,
            DevicesCommand.class,
            AgentCommand.class,
            ConnectCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status; one-line errors for bad input, no stack traces. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("ferry: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ferry " + (v == null ? "dev" : v)};
        }
    }
}
