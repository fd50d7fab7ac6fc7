package dev.ferry.cli;

import picocli.CommandLine.Command;

/** {@code ferry apikey}: API keys for hosting (named sessions, relays that require a key). */
@Command(name = "apikey", description = "Manage API keys: create, list, revoke.",
        subcommands = {ApiKeyCreateCommand.class, ApiKeyListCommand.class, ApiKeyRevokeCommand.class})
final class ApiKeyCommand {}
