package dev.ferry.cli;

import picocli.CommandLine.Command;

@Command(name = "key", description = "Manage a user's SSH public keys: add, list, remove.",
        subcommands = {UserKeyAddCommand.class, UserKeyListCommand.class, UserKeyRemoveCommand.class})
final class UserKeyCommand {}
