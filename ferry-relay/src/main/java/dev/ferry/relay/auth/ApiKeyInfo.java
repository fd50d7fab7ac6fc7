package dev.ferry.relay.auth;

/** What is known of an API key without the key itself: its public id, owner and times (null when never/not). */
public record ApiKeyInfo(String id, String user, String created, String lastUsed, String revoked) {}
