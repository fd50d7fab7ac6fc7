package dev.ferry.relay.web;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.server.Request;

/**
 * Who may read recordings and the audit log over HTTP: the one place that decides. Until accounts
 * exist the default allows loopback requests only (an operator on the relay's machine, or behind
 * its own reverse proxy on the same host). Roles plug in here once accounts land.
 */
public interface Access {
    enum Action { LIST_RECORDINGS, READ_RECORDING, READ_AUDIT }

    Access LOOPBACK_ONLY = (request, action) -> isLoopback(request.getConnectionMetaData().getRemoteSocketAddress());

    boolean permits(Request request, Action action);

    static boolean isLoopback(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null && inet.getAddress().isLoopbackAddress();
    }
}
