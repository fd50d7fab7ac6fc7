package dev.ferry.relay.web;

import dev.ferry.protocol.Frames;
import dev.ferry.relay.RelayConfig;
import dev.ferry.relay.RelayListener;
import dev.ferry.relay.auth.Accounts;
import dev.ferry.relay.auth.LoginSessions;
import dev.ferry.relay.hub.Endpoints;
import dev.ferry.relay.hub.Hub;
import dev.ferry.relay.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The web side: Jetty core on virtual threads. {@code /ws/host} for hosts, {@code /ws/join/{token}}
 * for participants (both speak docs/protocol.md, permessage-deflate offered by Jetty), the browser
 * page at {@code /t/{token}}, and static files from the classpath's {@code static/}.
 */
public final class WebListener implements RelayListener {
    /** A peer that sends nothing (not even a Ping frame) for this long is closed. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(120);
    /** Where hosts connect. */
    static final String HOST_PATH = "/ws/host";
    /** Agents ping this often (the relay says so in its welcome); an agent silent for three times as long is gone. */
    static final int AGENT_HEARTBEAT_SECONDS = 20;

    private Server server;
    private ServerConnector connector;
    private RelayConfig config;
    private dev.ferry.relay.device.Devices devices;

    /**
     * Jetty's selectors on a few platform threads, every handler (which may block: the store, admission)
     * on a virtual thread of its own. With Jetty's all-virtual pool the selectors ran on virtual
     * threads too, and each socket event first woke the JDK's poller, then a carrier for the selector:
     * one session's keystrokes cost the relay 15-25 % more CPU that way (docs/performance.md, round 11).
     */
    private static QueuedThreadPool threads() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("ferry-web");
        threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ferry-web-v", 0).factory()));
        return threads;
    }

    @Override
    public void start(Hub hub, RelayConfig config) throws Exception {
        start(hub, config, null);
    }

    /** With a store, also serves recordings, replay pages and the audit log ({@link RecordingsApi}, by role). */
    @Override
    public void start(Hub hub, RelayConfig config, Store store) throws Exception {
        this.config = config;
        server = new Server(threads());
        LinkDeflate.pools(server);
        if (config.tls()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(Pem.keyStore(config.tlsCert(), config.tlsKey()));
            ssl.setKeyStorePassword(new String(Pem.PASSWORD));
            connector = new ServerConnector(server, ssl);
        } else {
            connector = new ServerConnector(server);
        }
        connector.setHost(config.listen());
        connector.setPort(config.httpPort());
        server.addConnector(connector);

        Accounts accounts = hub.admission().accounts();
        LoginSessions webSessions = store != null ? store.webSessions() : new WebSessions();
        WebLogin login = new WebLogin(accounts, webSessions);
        Callers callers = new Callers(login, hub.failures());
        if (store != null) devices = new dev.ferry.relay.device.Devices(hub, store.devices(), AGENT_HEARTBEAT_SECONDS);
        var agents = devices;
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, context, container -> {
            container.setMaxBinaryMessageSize(Frames.MAX_FRAME);
            container.setMaxTextMessageSize(1024);
            container.setIdleTimeout(IDLE_TIMEOUT);
            container.addMapping(HOST_PATH, (rq, rs, cb) -> {
                boolean deflatedOutput = rq.getSubProtocols().contains(Frames.DEFLATED_OUTPUT_PROTOCOL);
                if (deflatedOutput) {   // the host compresses its output itself: nothing left for permessage-deflate to do
                    rs.setAcceptedSubProtocol(Frames.DEFLATED_OUTPUT_PROTOCOL);
                    rs.setExtensions(List.of());
                } else {
                    rs.setExtensions(LinkDeflate.hostAnswer(rq.getExtensions()));
                }
                return new HostLink(hub, Request.getRemoteAddr(rq), deflatedOutput);
            });
            if (agents != null) container.addMapping("/ws/agent", (rq, rs, cb) -> agents.link(Request.getRemoteAddr(rq)));
            container.addMapping("/ws/join/*", (rq, rs, cb) -> {
                String token = Request.getPathInContext(rq).substring("/ws/join/".length());
                String query = rq.getHttpURI().getQuery();
                boolean deflated = JoinLink.deflatedFrames(query, hub.participantCount(token), hub.outputDeflated(token));
                if (deflated) rs.setExtensions(List.of());   // compressed once per chunk instead, for all of them
                return new JoinLink(hub, token, Request.getRemoteAddr(rq), JoinIdentity.of(rq, accounts, webSessions, hub.failures()),
                        JoinLink.transport(query), JoinLink.style(query), deflated);
            });
        });
        LinkDeflate.register(WebSocketServerComponents.getWebSocketComponents(context));
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newClassLoaderResource("static/"));
        files.setDirAllowed(false);
        files.setWelcomeFiles("index.html");
        Handler pages = new TmateConfigPage(hub, config.dataDir(), new SessionPage(files, hub, store == null ? null : callers));
        if (store != null) pages = new RecordingsApi(pages, store, config.dataDir(), callers);
        if (devices != null) pages = new DevicesPage(pages, devices, login, callers);
        ws.setHandler(new LoginHandler(pages, login, hub.failures(), config.tls()));
        context.setHandler(ws);
        server.setHandler(context);
        server.setStopTimeout(2000);
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String baseUrl() {
        if (config.publicUrl() != null) {
            String u = config.publicUrl().toString();
            return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        }
        String host = config.publicHost();
        return (config.tls() ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    @Override
    public List<String> banner() {
        return List.of("web: " + baseUrl() + "/  (hosts connect to " + baseUrl().replaceFirst("^http", "ws") + "/ws/host)");
    }

    @Override
    public Endpoints endpoints(Endpoints e) {
        return new Endpoints(e.sshHost(), e.sshPort(), baseUrl());
    }

    @Override
    public void close() {
        try {
            if (server != null) server.stop();
            if (devices != null) devices.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the web listener: " + e.getMessage(), e);
        }
    }
}
