package dev.ferry.cli;

import dev.ferry.relay.auth.UserNames;
import dev.ferry.relay.store.AuditEvent;
import dev.ferry.relay.store.Store;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ferry audit}: the relay's audit log, read from its database (works while the relay runs). */
@Command(name = "audit", mixinStandardHelpOptions = true, description = {
        "Show the audit log: sessions started and ended, who joined and left (how, from where, with which key,",
        "read-only or read-write, as which user), and how many bytes each read-write participant typed per second.",
        "Reads the relay's database directly (--data or --database-url), also while the relay runs."})
final class AuditCommand implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(names = "--session", paramLabel = "ID", description = "Only this session.")
    String session;

    @Option(names = "--user", paramLabel = "U", description = "Only what this account did: its sessions' starts and ends, its joins, leaves and input.")
    String user;

    @Option(names = "--since", paramLabel = "DATE", description = "Only events at or after DATE (2026-11-20 or 2026-11-20T10:00:00Z).")
    String since;

    @Option(names = "--json", description = "One JSON array instead of lines.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (user != null) UserNames.check("user name", user);
        try (Store store = data.openExisting()) {
            List<AuditEvent> events = store.audit().list(session, Since.parse(since), user);
            if (json) {
                out.println("[" + String.join(",\n", events.stream().map(AuditEvent::toJson).toList()) + "]");
                return 0;
            }
            for (AuditEvent e : events) out.println(line(e));
        }
        return 0;
    }

    static String line(AuditEvent e) {
        StringBuilder b = new StringBuilder().append(e.at()).append("  ").append(e.sessionId()).append("  ");
        switch (e.kind()) {
            case "start" -> b.append("start  by ").append(e.address()).append(as(e)).append(" (").append(e.access()).append("): ")
                    .append(e.detail());
            case "end" -> b.append("end    ").append(e.detail());
            case "input" -> b.append("input  #").append(e.participant()).append(' ').append(e.detail()).append(" bytes").append(as(e));
            default -> {
                b.append(String.format("%-6s #%d %s via %s from %s", e.kind(), e.participant(), e.access(), e.transport(), e.address()));
                b.append(as(e));
                if (e.keyFingerprint() != null) b.append(" key ").append(e.keyFingerprint());
            }
        }
        return b.toString();
    }

    private static String as(AuditEvent e) {
        return e.user() == null ? "" : " as " + e.user();
    }
}
