package dev.ferry.relay.auth;

import java.util.Set;

/** An account. {@code passwordHash} (a PHC string) is null when the user has no web password. */
public record User(String name, Set<AccountRole> roles, String passwordHash) {
    public User {
        roles = Set.copyOf(roles);
    }

    public boolean has(AccountRole role) {
        return roles.contains(AccountRole.ADMIN) || roles.contains(role);
    }

    public boolean mayHost() {
        return roles.stream().anyMatch(AccountRole::mayHost);
    }

    /** Every role may replay recordings (viewer and up). */
    public boolean mayReplay() {
        return !roles.isEmpty();
    }

    /** Only admins read the audit log. */
    public boolean isAdmin() {
        return roles.contains(AccountRole.ADMIN);
    }

    public boolean mayWrite() {
        return roles.stream().anyMatch(AccountRole::mayWrite);
    }

    @Override
    public String toString() {
        return "User[" + name + " " + roles + "]";   // never the hash
    }
}
