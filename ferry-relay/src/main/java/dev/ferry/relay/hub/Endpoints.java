package dev.ferry.relay.hub;

/**
 * Where participants reach this relay, for links: the SSH host and port (port 0 when the relay
 * serves no SSH) and the web base URL ("http://host:8080").
 */
public record Endpoints(String sshHost, int sshPort, String webBase) {}
