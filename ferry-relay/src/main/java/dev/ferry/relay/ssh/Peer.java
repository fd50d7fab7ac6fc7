package dev.ferry.relay.ssh;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKey;

/**
 * Who is on the other end of an SSH connection: address, user name (the session token, so never
 * log it whole) and, when they authenticated with a key, its {@code SHA256:} fingerprint.
 */
public record Peer(String address, String user, String keyFingerprint) {

    static Peer of(Session session) {
        return new Peer(address(session.getRemoteAddress()), session.getUsername(), keyFingerprint(session));
    }

    /** The remote IP without the port: the unit rate limits and audits count by. */
    static String address(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }

    /**
     * The key whose signature the server verified, or null. MINA adds a key to this list only
     * after checking its signature, so a key that was merely offered is never recorded.
     */
    private static String keyFingerprint(Session session) {
        List<PublicKey> keys = session.getAttribute(UserAuthPublicKey.AUTHENTICATED_KEYS);
        return keys == null || keys.isEmpty() ? null : HostKey.fingerprint(keys.get(keys.size() - 1));
    }

    @Override
    public String toString() {
        // The user name is a secret token: never print any of it.
        return "ssh joiner from " + address + (keyFingerprint == null ? "" : " key " + keyFingerprint);
    }
}
