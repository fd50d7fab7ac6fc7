package dev.ferry.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.compression.BuiltinCompressions;
import org.apache.sshd.common.compression.CompressionFactory;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.NamedFactory;

/**
 * An SSH participant through Apache MINA's client: the same client for Ferry's SSH side and for
 * OpenSSH, so client costs cancel out. A PTY is requested (80x24, xterm); with a command it is an
 * exec request, without one a shell (what a Ferry joiner opens).
 */
final class SshTerm implements Term {
    private final ClientSession session;
    private final ClientChannel channel;
    private final OutputStream in;

    private SshTerm(ClientSession session, ClientChannel channel) {
        this.session = session;
        this.channel = channel;
        this.in = channel.getInvertedIn();
    }

    static SshClient client(boolean compression) {
        SshClient c = SshClient.setUpDefaultClient();
        c.setServerKeyVerifier((session, address, key) -> true);  // loopback, keys made by this run
        // ECDH P-256 key exchange: connection set-up cost is not what is measured, and the default
        // post-quantum exchange (sntrup761) costs tens of milliseconds of CPU per connection here.
        c.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false,
                List.of(org.apache.sshd.common.kex.BuiltinDHFactories.ecdhp256), org.apache.sshd.client.ClientBuilder.DH2KEX));
        if (compression) {
            c.setCompressionFactories(List.<NamedFactory<org.apache.sshd.common.compression.Compression>>of(
                    (CompressionFactory) BuiltinCompressions.delayedZlib, (CompressionFactory) BuiltinCompressions.zlib));
        }
        c.start();
        return c;
    }

    static KeyPair key(Path file) throws Exception {
        return new FileKeyPairProvider(file).loadKeys(null).iterator().next();
    }

    static SshTerm open(SshClient client, int port, String user, KeyPair key, String command, Consumer<byte[]> sink)
            throws Exception {
        ClientSession s = client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(60)).getSession();
        try {
            s.addPublicKeyIdentity(key);
            s.auth().verify(Duration.ofSeconds(60));
            ClientChannel ch = command == null ? s.createShellChannel() : s.createExecChannel(command);
            if (ch instanceof ChannelShell shell) {
                shell.setPtyType("xterm");
                shell.setPtyColumns(80);
                shell.setPtyLines(24);
            } else if (ch instanceof org.apache.sshd.client.channel.ChannelExec exec) {
                exec.setUsePty(true);
                exec.setPtyType("xterm");
                exec.setPtyColumns(80);
                exec.setPtyLines(24);
            }
            ch.setOut(new SinkStream(sink));
            ch.setErr(new SinkStream(sink));
            ch.open().verify(Duration.ofSeconds(60));
            return new SshTerm(s, ch);
        } catch (Exception e) {
            s.close(true);
            throw e;
        }
    }

    @Override
    public void send(byte[] data) throws IOException {
        in.write(data);
        in.flush();
    }

    @Override
    public void close() {
        try {
            channel.close(true);
            session.close(true);
        } catch (RuntimeException e) {
            // closing anyway
        }
    }

    private static final class SinkStream extends OutputStream {
        private final Consumer<byte[]> sink;

        SinkStream(Consumer<byte[]> sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) {
            sink.accept(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sink.accept(java.util.Arrays.copyOfRange(b, off, off + len));
        }
    }
}
