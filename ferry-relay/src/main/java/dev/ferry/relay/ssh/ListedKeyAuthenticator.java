package dev.ferry.relay.ssh;

import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.hub.SessionAccess;
import java.security.PublicKey;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Accepts any public key for a session open to anyone holding its token (the token is the
 * credential; the key is recorded so the audit can say which key joined), and only a listed key
 * for a key-restricted session, so ssh goes on to offer its next key. MINA verifies the signature
 * after this says yes, and {@link Peer} records only keys whose signature was verified. A joiner
 * with no listed key still gets in through keyboard-interactive, and the hub then refuses it with
 * a clear line instead of a bare "Permission denied".
 */
final class ListedKeyAuthenticator implements PublickeyAuthenticator {
    private final Hub hub;

    ListedKeyAuthenticator(Hub hub) {
        this.hub = hub;
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        SessionAccess access = hub.access(username);
        return access == null || !access.restricted() || access.allowedKeys().contains(HostKey.fingerprint(key));
    }
}
