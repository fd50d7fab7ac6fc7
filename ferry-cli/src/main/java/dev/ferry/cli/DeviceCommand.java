package dev.ferry.cli;

import picocli.CommandLine.Command;

/** {@code ferry device}: register, list and revoke devices in the relay's database (works while the relay runs). */
@Command(name = "device", description = "Manage devices that run `ferry agent`: add, list, revoke.",
        subcommands = {DeviceAddCommand.class, DevicesCommand.class, DeviceRevokeCommand.class})
final class DeviceCommand {}
