/**
 * Shells on devices: the registry of connected agents ({@link dev.ferry.relay.device.Devices}), each
 * agent's one WebSocket ({@link dev.ferry.relay.device.AgentLink}, docs/protocol.md "Device agents"), and
 * the device shell, one more hub {@link dev.ferry.relay.hub.Source} ({@link dev.ferry.relay.device.DeviceShell}),
 * so joining, recording and the audit log work for it as for any session.
 */
package dev.ferry.relay.device;
