package dev.ferry.relay.auth;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * SSH public keys in OpenSSH {@code authorized_keys} form ({@code [options] TYPE BASE64 [comment]}),
 * parsed and checked by MINA (ed25519 through Bouncy Castle), identified by their {@code SHA256:}
 * fingerprint as {@code ssh-keygen -l} prints it.
 */
public final class PublicKeys {
    /** Largest authorized_keys text accepted (a file, a GitHub answer, a protocol field). */
    public static final int MAX_TEXT = 64 * 1024;
    public static final int MAX_KEYS = 200;

    /** One key: fingerprint, {@code "TYPE BASE64"}, and the comment (maybe empty). */
    public record Parsed(String fingerprint, String publicKey, String comment) {}

    private PublicKeys() {}

    /** Parses one line; a line that is not a usable key throws a one-line error. */
    public static Parsed parse(String line) {
        String t = line.strip();
        try {
            AuthorizedKeyEntry e = AuthorizedKeyEntry.parseAuthorizedKeyEntry(t);
            if (e == null) throw new IllegalArgumentException("empty key");
            PublicKey key = e.resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
            if (key == null) throw new IllegalArgumentException("unsupported key type " + e.getKeyType());
            String comment = e.getComment() == null ? "" : e.getComment().strip();
            String canonical = PublicKeyEntry.toString(key);
            return new Parsed(KeyUtils.getFingerPrint(key), canonical, comment.length() > 200 ? comment.substring(0, 200) : comment);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an SSH public key: " + oneLine(e));
        }
    }

    /** Parses authorized_keys text: blank lines and {@code #} comments skipped, every other line must be a key. */
    public static List<Parsed> parseAll(String text, String source) {
        if (text.length() > MAX_TEXT) throw new IllegalArgumentException(source + " is larger than " + MAX_TEXT + " bytes");
        List<Parsed> keys = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\r?\n")) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            try {
                keys.add(parse(t));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + n + ": " + e.getMessage());
            }
            if (keys.size() > MAX_KEYS) throw new IllegalArgumentException(source + " lists more than " + MAX_KEYS + " keys");
        }
        return keys;
    }

    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
