package dev.ferry.cli;

import dev.ferry.relay.auth.PublicKeys;
import dev.ferry.relay.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "add", description = "Register SSH public keys for a user: KEY is an authorized_keys line, or a file of them (e.g. ~/.ssh/id_ed25519.pub).")
final class UserKeyAddCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(index = "0", paramLabel = "NAME") String name;

    @Parameters(index = "1", paramLabel = "KEY|FILE") String key;

    @Override
    public Integer call() throws Exception {
        Path file = key.contains(" ") ? null : Path.of(key);
        List<PublicKeys.Parsed> keys = file != null
                ? PublicKeys.parseAll(Files.readString(file, StandardCharsets.UTF_8), file.toString())
                : List.of(PublicKeys.parse(key));
        if (keys.isEmpty()) throw new IllegalArgumentException("no key in " + key);
        try (Store store = data.open()) {
            for (PublicKeys.Parsed k : keys) {
                store.users().addKey(name, k.fingerprint(), k.publicKey(), k.comment());
                System.out.println("key " + k.fingerprint() + " added to " + name);
            }
        }
        return 0;
    }
}
