package dev.ferry.relay.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * API keys: {@code fk_ID_SECRET}, where ID is 8 public characters (shown in listings, used to
 * revoke) and SECRET 32 random ones (about 190 bits). Only the SHA-256 of the whole key is stored:
 * a fast hash is right for a random secret that long, nobody can guess through it.
 */
public final class ApiKeys {
    static final String PREFIX = "fk_";
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int ID_LENGTH = 8, SECRET_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    /** A fresh key. */
    public static String generate() {
        return generate(PREFIX);
    }

    /** The key's public id, or null when the text is not shaped like a key. */
    public static String id(String key) {
        return id(PREFIX, key);
    }

    /** A fresh secret shaped like a key, with another prefix (device tokens: {@code fd_}). */
    static String generate(String prefix) {
        return prefix + random(ID_LENGTH) + "_" + random(SECRET_LENGTH);
    }

    static String id(String prefix, String key) {
        if (key == null || key.length() != prefix.length() + ID_LENGTH + 1 + SECRET_LENGTH || !key.startsWith(prefix)) return null;
        if (key.charAt(prefix.length() + ID_LENGTH) != '_') return null;
        for (int i = prefix.length(); i < key.length(); i++) {
            if (i != prefix.length() + ID_LENGTH && ALPHABET.indexOf(key.charAt(i)) < 0) return null;
        }
        return key.substring(prefix.length(), prefix.length() + ID_LENGTH);
    }

    /** SHA-256 of the key, hex. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hex hashes. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }
}
