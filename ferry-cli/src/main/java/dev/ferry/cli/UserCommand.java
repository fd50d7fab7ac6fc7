package dev.ferry.cli;

import picocli.CommandLine.Command;

/** {@code ferry user}: manage accounts in the relay's database (works while the relay runs). */
@Command(name = "user", description = "Manage the relay's users: add, list, remove, passwd, key.",
        subcommands = {UserAddCommand.class, UserListCommand.class, UserRemoveCommand.class, UserPasswdCommand.class,
                UserKeyCommand.class, UserGroupsCommand.class})
final class UserCommand {}
