package dev.ferry.protocol;

import java.security.SecureRandom;

/**
 * Session tokens: {@value #LENGTH} characters from an alphabet without look-alikes (no 0/o, 1/l/i),
 * lower case so they survive as SSH user names; about 128 bits. Read-only tokens carry the prefix
 * {@value #READ_ONLY_PREFIX}.
 */
public final class Tokens {
    public static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    public static final int LENGTH = 26;
    public static final String READ_ONLY_PREFIX = "ro-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    public static String readWrite() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public static String readOnly() {
        return READ_ONLY_PREFIX + readWrite();
    }

    public static boolean isReadOnly(String token) {
        return token.startsWith(READ_ONLY_PREFIX);
    }

    /** True when the text has a token's shape; a cheap filter before any lookup. */
    public static boolean wellFormed(String token) {
        if (token == null) {
            return false;
        }
        String body = isReadOnly(token) ? token.substring(READ_ONLY_PREFIX.length()) : token;
        if (body.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < body.length(); i++) {
            if (ALPHABET.indexOf(body.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
