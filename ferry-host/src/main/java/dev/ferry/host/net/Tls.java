package dev.ferry.host.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * WebSocket clients that verify the relay's certificate (chain and host name) for {@code wss:}:
 * against the system's trusted CAs, or against the CA certificates of a PEM file
 * ({@code --ca-file}) for a relay with a private CA or a self-signed certificate.
 */
public final class Tls {
    private Tls() {}

    public static WebSocketClient client(Path caFile) throws IOException {
        return new WebSocketClient(httpClient(caFile));
    }

    /** A plain HTTP client (not started) that trusts the system's CAs, or those of {@code caFile}. */
    public static HttpClient httpClient(Path caFile) throws IOException {
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        ssl.setEndpointIdentificationAlgorithm("HTTPS");
        if (caFile != null) ssl.setTrustStore(trustStore(caFile));
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(ssl);
        return new HttpClient(new org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP(connector));
    }

    /** The certificates of a PEM file as a trust store; a file with none is a one-line error. */
    static KeyStore trustStore(Path caFile) throws IOException {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) throw new IOException("no certificate in " + caFile);
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) ks.setCertificateEntry("ca-" + i++, c);
            return ks;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("CA file not found: " + caFile);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot read CA certificates from " + caFile + ": " + e.getMessage());
        }
    }
}
