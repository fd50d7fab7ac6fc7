package dev.ferry.relay.hub;

/** What a participant may do; decided by the token it joined with. */
public enum Role {
    READ_WRITE("read-write"),
    READ_ONLY("read-only");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
