package dev.ferry.relay.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyTest {
    @TempDir
    Path dir;

    @Test
    void madeOnceInOpenSshFormatPrivateAndStable() throws Exception {
        Path data = dir.resolve("data");
        HostKey first = HostKey.loadOrCreate(data);
        Path file = data.resolve("ssh_host_ed25519_key");
        assertThat(first.file()).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");

        // ssh-keygen reads it and prints the same fingerprint, as an ED25519 key
        String keygen = run("ssh-keygen", "-l", "-f", file.toString());
        assertThat(keygen).contains(first.fingerprint()).contains("(ED25519)");
        assertThat(first.fingerprint()).matches("SHA256:[A-Za-z0-9+/]{43}");

        HostKey again = HostKey.loadOrCreate(data);
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ssh_host_ed25519_key");
        }
    }

    @Test
    void unreadableKeyIsAClearError() throws Exception {
        Files.writeString(dir.resolve("ssh_host_ed25519_key"), "not a key\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HostKey.loadOrCreate(dir))
                .hasMessageContaining("cannot use SSH host key");
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
