package dev.ferry.relay.tmate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code authorized_keys} lines a tmate host sends for {@code -a FILE}, as {@code SHA256:}
 * fingerprints (SHA-256 of the key blob, unpadded base64, as {@code ssh-keygen -l} prints).
 * Lines are {@code TYPE BASE64 [comment]}; lines with options in front or that do not decode are
 * ignored, as tmate-ssh-server does.
 */
final class AuthorizedKeys {
    private AuthorizedKeys() {}

    static Set<String> fingerprints(List<String> lines) {
        Set<String> out = new HashSet<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 2 || !(f[0].startsWith("ssh-") || f[0].startsWith("ecdsa-") || f[0].startsWith("sk-"))) continue;
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(f[1]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!new String(blob, 4, Math.max(0, Math.min(blob.length - 4, f[0].length())), StandardCharsets.US_ASCII).equals(f[0])) {
                continue;   // the blob must name the same key type
            }
            out.add("SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha256(blob)));
        }
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
