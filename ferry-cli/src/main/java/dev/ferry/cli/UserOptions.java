package dev.ferry.cli;

import dev.ferry.relay.store.Store;
import java.io.IOException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The relay's data options and the NAME of an existing user, for the admin commands that act on
 * one user ({@code ferry user key list NAME}, {@code ferry user passwd NAME}).
 */
final class UserOptions {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(index = "0", paramLabel = "NAME") String name;

    /** Opens the relay's database; an unknown user is a one-line error (and the database is closed again). */
    Store openWithUser() throws IOException {
        Store store = data.open();
        if (store.users().find(name).isEmpty()) {
            store.close();
            throw new IllegalArgumentException("no user " + name);
        }
        return store;
    }
}
