package dev.ferry.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A session's links in tmate's words. {@code sshReadWrite} and {@code webReadWrite} are null for a
 * read-only session (or a read-only viewer); the ssh ones are null when the relay serves no SSH.
 */
public record Links(String sshReadWrite, String sshReadOnly, String webReadWrite, String webReadOnly) {

    /** Builds the links a {@link Message.SessionInfo} describes. */
    public static Links of(Message.SessionInfo info) {
        boolean rw = !info.rwToken().isEmpty();
        boolean ssh = info.sshPort() > 0;
        String base = info.webBase().endsWith("/") ? info.webBase() : info.webBase() + "/";
        return new Links(
                rw && ssh ? ssh(info.sshPort(), info.rwToken(), info.sshHost()) : null,
                ssh ? ssh(info.sshPort(), info.roToken(), info.sshHost()) : null,
                rw ? base + "t/" + info.rwToken() : null,
                base + "t/" + info.roToken());
    }

    private static String ssh(int port, String token, String host) {
        return "ssh -p" + port + " " + token + "@" + host;
    }

    /** The lines to print, like tmate: read-write first, only those that exist. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(4);
        if (sshReadWrite != null) lines.add("ssh session: " + sshReadWrite);
        if (sshReadOnly != null) lines.add("ssh session read only: " + sshReadOnly);
        if (webReadWrite != null) lines.add("web session: " + webReadWrite);
        if (webReadOnly != null) lines.add("web session read only: " + webReadOnly);
        return lines;
    }
}
