package dev.ferry.relay.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Iterator;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The relay's ed25519 host key: made once in the data directory (OpenSSH format, mode 600) and
 * reused on every start, so joiners' known_hosts entries stay valid.
 */
public final class HostKey {
    static final String FILE_NAME = "ssh_host_ed25519_key";

    private final Path file;
    private final KeyPair keyPair;

    private HostKey(Path file, KeyPair keyPair) {
        this.file = file;
        this.keyPair = keyPair;
    }

    /** Loads {@code dataDir/ssh_host_ed25519_key}, creating it (and the directory) on first use. */
    public static HostKey loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return new HostKey(file, load(file));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use SSH host key " + file + ": " + e.getMessage(), e);
        }
    }

    /** The fingerprint as {@code ssh-keygen -l} prints it: {@code SHA256:} and unpadded base64. */
    public String fingerprint() {
        return fingerprint(keyPair.getPublic());
    }

    /** {@code SHA256:...} of any public key, as {@code ssh-keygen -l} prints it. */
    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    public Path file() {
        return file;
    }

    KeyPairProvider provider() {
        return KeyPairProvider.wrap(keyPair);
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        // Written to a private temp file and moved into place, so no reader ever sees a partial
        // key and the key is never readable by others, not even for a moment.
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "ferry relay host key", null, out);
            }
            // A hard link never replaces an existing file: if another relay on the same data
            // directory made its key first, both use that one.
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            // keep the existing key
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static KeyPair load(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, null);
            Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
            if (it == null || !it.hasNext()) {
                throw new GeneralSecurityException("no key in file");
            }
            return it.next();
        }
    }
}
