package dev.ferry.ftests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Real key pairs made by the stock {@code ssh-keygen}: private key file, public key line, fingerprint. */
public record SshKeys(Path privateKey, String publicKey, String fingerprint) {

    /** {@code type}: ed25519, ecdsa or rsa. */
    public static SshKeys generate(Path dir, String type) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path key = dir.resolve("id_" + type);
        ProcessBuilder pb = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", "", "-C", type + "@test", "-f", key.toString());
        if (type.equals("rsa")) pb.command().addAll(java.util.List.of("-b", "2048"));
        Process p = pb.redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("ssh-keygen failed");
        String pub = Files.readString(dir.resolve("id_" + type + ".pub"), StandardCharsets.UTF_8).strip();
        Process l = new ProcessBuilder("ssh-keygen", "-l", "-f", key + ".pub").start();
        String fp = new String(l.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split(" ")[1];
        l.waitFor(10, TimeUnit.SECONDS);
        return new SshKeys(key, pub, fp);
    }

    /** An ssh command line that offers this key only (no agent, no config), for a link printed by share. */
    public String ssh(String link) {
        return link.replaceFirst("^ssh ", "ssh -tt -F /dev/null -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null "
                + "-o LogLevel=ERROR -o IdentitiesOnly=yes -o IdentityAgent=none -i " + privateKey + " ");
    }
}
