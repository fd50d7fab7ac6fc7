package dev.ferry.relay.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/**
 * A TLS identity from PEM files, with the JDK alone: the certificate chain ({@code BEGIN
 * CERTIFICATE} blocks, leaf first) and an unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY},
 * what {@code openssl req -newkey} and certbot write) of type RSA, EC or Ed25519.
 */
final class Pem {
    static final char[] PASSWORD = "ferry".toCharArray();   // of the in-memory key store only

    private Pem() {}

    static KeyStore keyStore(Path certFile, Path keyFile) throws IOException {
        try {
            Collection<? extends Certificate> chain;
            try (InputStream in = Files.newInputStream(certFile)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (chain.isEmpty()) throw new IOException("no certificate in " + certFile);
            PrivateKey key = privateKey(keyFile);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("ferry", key, PASSWORD, chain.toArray(Certificate[]::new));
            return ks;
        } catch (NoSuchFileException e) {
            throw new IOException("TLS file not found: " + e.getFile());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the TLS certificate " + certFile + ": " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(Path keyFile) throws IOException, GeneralSecurityException {
        String text = Files.readString(keyFile, StandardCharsets.US_ASCII);
        if (text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY") || text.contains("ENCRYPTED")) {
            throw new IOException(keyFile + " is not an unencrypted PKCS#8 key; convert it with"
                    + " `openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem`");
        }
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----"), end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) throw new IOException("no PRIVATE KEY block in " + keyFile);
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IOException("unsupported private key type in " + keyFile);
    }
}
