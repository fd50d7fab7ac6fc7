package dev.ferry.relay.web;

import dev.ferry.relay.hub.Endpoints;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.ssh.HostKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /tmate.conf}: a ready {@code ~/.tmate.conf} that points stock tmate at this relay's
 * SSH port and pins its host key (the relay serves one key type, ED25519, so only that
 * fingerprint is set). {@code ferry tmate-config} prints it. 404 when the relay serves no SSH.
 */
final class TmateConfigPage extends Handler.Wrapper {
    static final String PATH = "/tmate.conf";

    private final Hub hub;
    private final Path dataDir;

    TmateConfigPage(Hub hub, Path dataDir, Handler next) {
        super(next);
        this.hub = hub;
        this.dataDir = dataDir;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        Endpoints e = hub.endpoints();
        if (e.sshPort() <= 0) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404, "this relay serves no SSH");
            return true;
        }
        String conf = text(e.sshHost(), e.sshPort(), HostKey.loadOrCreate(dataDir).fingerprint());
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(conf.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    static String text(String host, int port, String ed25519Fingerprint) {
        return "# tmate 2.4 configuration for this Ferry relay: save as ~/.tmate.conf\n"
                + "set -g tmate-server-host " + host + "\n"
                + "set -g tmate-server-port " + port + "\n"
                + "set -g tmate-server-ed25519-fingerprint " + ed25519Fingerprint + "\n";
    }
}
