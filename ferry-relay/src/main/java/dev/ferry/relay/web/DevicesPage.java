package dev.ferry.relay.web;

import static dev.ferry.protocol.asciicast.JsonText.quote;
import static dev.ferry.relay.web.Replies.escape;

import dev.ferry.protocol.Message;
import dev.ferry.relay.auth.User;
import dev.ferry.relay.device.Devices;
import dev.ferry.relay.device.ShellRefusedException;
import dev.ferry.relay.hub.Role;
import dev.ferry.relay.hub.Session;
import dev.ferry.relay.store.Device;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Devices on the web: {@code GET /api/devices} (JSON), {@code POST /api/devices/{name}/shells} (opens a
 * shell, answers its links as JSON; an API key as {@code Authorization: Bearer} or a web login), and the
 * pages {@code /devices}, {@code /devices/{name}} whose "Connect terminal" button posts to
 * {@code /devices/{name}/connect} and lands on the new shell's terminal page.
 */
final class DevicesPage extends Handler.Wrapper {
    private static final Pattern SHELLS = Pattern.compile("/api/devices/([A-Za-z0-9-]{1,64})/shells");
    private static final Pattern PAGE = Pattern.compile("/devices/([A-Za-z0-9-]{1,64})(/connect)?");

    private final Devices devices;
    private final WebLogin login;
    private final Callers callers;

    DevicesPage(Handler next, Devices devices, WebLogin login, Callers callers) {
        super(next);
        this.devices = devices;
        this.login = login;
        this.callers = callers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        Matcher shells = SHELLS.matcher(path), page = PAGE.matcher(path);
        if (path.equals("/api/devices")) {
            Callers.Caller c = callers.identify(request, WebLogin.sameOrigin(request));
            if (!(c instanceof Callers.Caller.Known known)) return refuse(request, response, callback, c);
            return Replies.json(response, callback, 200,
                    "[" + String.join(",", devices.visibleTo(known.user()).stream().map(this::json).toList()) + "]");
        }
        if (shells.matches()) {
            if (!method.equals("POST")) return error(request, response, callback, 405, "POST opens a shell");
            if (!WebLogin.sameOrigin(request)) return error(request, response, callback, 403, "cross-site posts are refused");
            Callers.Caller c = callers.identify(request, true);
            if (!(c instanceof Callers.Caller.Known known)) return refuse(request, response, callback, c);
            Optional<User> u = Optional.of(known.user());
            Fields q = Request.extractQueryParameters(request);
            try {
                Session s = devices.open(shells.group(1), u.get(), size(q.getValue("cols"), 80), size(q.getValue("rows"), 24));
                return Replies.json(response, callback, 201, links(s.info(Role.READ_WRITE)));
            } catch (ShellRefusedException e) {
                return Replies.json(response, callback, e.status(), "{\"error\":" + quote(e.getMessage()) + "}");
            }
        }
        if (path.equals("/devices") || page.matches()) {
            Optional<User> u = login.user(request);
            if (u.isEmpty()) return Replies.redirect(response, callback, "/login?next=" + path);
            if (page.matches() && page.group(2) != null) {
                if (!method.equals("POST")) return error(request, response, callback, 405, "POST connects");
                if (!WebLogin.sameOrigin(request)) return error(request, response, callback, 403, "cross-site form posts are refused");
                try {
                    Session s = devices.open(page.group(1), u.get(), 80, 24);
                    return Replies.redirect(response, callback, "/t/" + s.readWriteToken());
                } catch (ShellRefusedException e) {
                    return devicePage(response, callback, e.status(), u.get(), page.group(1), e.getMessage());
                }
            }
            return page.matches() ? devicePage(response, callback, 200, u.get(), page.group(1), null) : listPage(response, callback, u.get());
        }
        return super.handle(request, response, callback);
    }

    /** An API call without a known caller: a bad key's own refusal, else "log in". */
    private static boolean refuse(Request request, Response response, Callback callback, Callers.Caller c) {
        if (c instanceof Callers.Caller.Refused r) return error(request, response, callback, r.status(), r.message());
        return error(request, response, callback, 401, "log in or send an API key");
    }

    private static int size(String v, int dflt) {
        try {
            int n = v == null ? dflt : Integer.parseInt(v);
            return n >= 1 && n <= 1000 ? n : dflt;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private String json(Device d) {
        return "{\"name\":" + quote(d.name()) + ",\"group\":" + q(d.group()) + ",\"online\":" + d.online() + ",\"lastSeen\":" + q(d.lastSeen())
                + ",\"agentVersion\":" + q(d.agentVersion()) + ",\"os\":" + q(d.os()) + ",\"hostname\":" + q(d.hostname())
                + ",\"revoked\":" + d.isRevoked() + ",\"shells\":" + devices.shellCount(d.name()) + "}";
    }

    private static String links(Message.SessionInfo i) {
        String ssh = i.sshPort() == 0 ? null : "ssh -p" + i.sshPort() + " " + i.rwToken() + "@" + i.sshHost();
        String sshRo = i.sshPort() == 0 ? null : "ssh -p" + i.sshPort() + " " + i.roToken() + "@" + i.sshHost();
        return "{\"rwToken\":" + quote(i.rwToken()) + ",\"roToken\":" + quote(i.roToken()) + ",\"ssh\":" + q(ssh) + ",\"sshReadOnly\":" + q(sshRo)
                + ",\"web\":" + quote(i.webBase() + "/t/" + i.rwToken()) + ",\"webReadOnly\":" + quote(i.webBase() + "/t/" + i.roToken()) + "}";
    }

    private static String q(String s) {
        return s == null ? "null" : quote(s);
    }

    private boolean listPage(Response response, Callback callback, User user) {
        StringBuilder rows = new StringBuilder();
        for (Device d : devices.visibleTo(user)) {
            rows.append("<tr><td><a href=\"/devices/").append(escape(d.name())).append("\">").append(escape(d.name())).append("</a></td>")
                    .append(cells(d)).append("</tr>\n");
        }
        return html(response, callback, 200, "Devices", """
                <h1>Devices</h1>
                <table id="devices"><thead><tr><th>Name</th><th>Status</th><th>Last seen</th><th>Group</th><th>Agent</th><th>OS</th></tr></thead>
                <tbody>%s</tbody></table>""".formatted(rows));
    }

    /** A device outside the user's groups is as unknown as a device that does not exist. */
    private boolean devicePage(Response response, Callback callback, int status, User user, String name, String error) {
        List<Device> found = devices.visibleTo(user).stream().filter(d -> d.name().equals(name)).toList();
        if (found.isEmpty()) return html(response, callback, 404, "No such device", "<h1>No device " + escape(name) + "</h1>");
        Device d = found.get(0);
        return html(response, callback, status, d.name(), """
                <p><a href="/devices">Devices</a></p>
                <h1 id="device">%s</h1>
                %s
                <table><thead><tr><th>Status</th><th>Last seen</th><th>Group</th><th>Agent</th><th>OS</th></tr></thead>
                <tbody><tr id="device-row">%s</tr></tbody></table>
                <p>Shells open: <span id="shells">%d</span></p>
                <form method="post" action="/devices/%s/connect"><button id="connect" type="submit"%s>Connect terminal</button></form>
                """.formatted(escape(d.name()), error == null ? "" : "<p id=\"error\" role=\"alert\">" + escape(error) + "</p>",
                cells(d), devices.shellCount(d.name()), escape(d.name()),
                d.online() && !d.isRevoked() ? "" : " disabled"));
    }

    private static String cells(Device d) {
        String status = d.isRevoked() ? "revoked" : d.online() ? "online" : "offline";
        return "<td class=\"status\">" + status + "</td>" + "<td>" + escape(n(d.lastSeen())) + "</td><td>" + escape(n(d.group())) + "</td><td>"
                + escape(n(d.agentVersion())) + "</td><td>" + escape(n(d.os())) + (d.hostname() == null ? "" : " (" + escape(d.hostname()) + ")") + "</td>";
    }

    private static String n(String s) {
        return s == null ? "-" : s;
    }

    private static boolean html(Response response, Callback callback, int status, String title, String body) {
        String html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ferry: " + escape(title) + "</title>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"stylesheet\" href=\"/ferry.css\">\n"
                + "<script src=\"/devices.js\" defer></script></head>\n"
                + "<body class=\"devices\"><main>\n" + body + "\n</main></body></html>\n";
        return Replies.html(response, callback, status, html);
    }

    private static boolean error(Request request, Response response, Callback callback, int status, String message) {
        if (status == 401) response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"ferry\"");
        return Replies.json(response, callback, status, "{\"error\":" + quote(message) + "}");
    }
}
