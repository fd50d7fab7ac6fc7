package dev.ferry.relay.ssh;

import java.security.PublicKey;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Accepts any public key. The key proves nothing about the session (the token does); it is
 * recorded so the audit can say which key joined. MINA still verifies the signature, and
 * {@link Peer} records only keys whose signature was verified.
 */
final class AnyKeyAuthenticator implements PublickeyAuthenticator {
    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        return true;
    }
}
