package dev.ferry.relay.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Typing is summed per participant per second, in one row each, within and across batches, on both databases. */
class InputActivityTest {
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("dev.ferry.relay.store.TestDatabases#kinds")
    void typingInOneSecondAddsUpInOneRowThatKeepsTheFirstKeystrokesTime(TestDatabases.Kind kind) throws Exception {
        try (Store store = Store.open(dir, TestDatabases.url(kind, dir))) {
            AuditLog audit = store.audit();
            Instant t = Instant.parse("2026-11-22T10:00:05.250Z");
            audit.inputs(List.of(
                    new AuditLog.Typing("s1", 1, t, 3),
                    new AuditLog.Typing("s1", 1, t.plusMillis(600), 4),    // the same second, same batch: added to the row
                    new AuditLog.Typing("s1", 2, t.plusMillis(100), 5),    // another participant
                    new AuditLog.Typing("s2", 1, t, 1)));                  // another session
            audit.inputs(List.of(new AuditLog.Typing("s1", 1, t.plusMillis(700), 0)));   // the same second, a later batch
            audit.inputs(List.of(new AuditLog.Typing("s1", 1, t.plusMillis(900), 2)));   // the next second: a row of its own
            audit.inputs(List.of());
            assertThat(audit.list("s1", null)).extracting(e -> e.participant() + " " + e.at() + " " + e.detail())
                    .containsExactly("1 2026-11-22T10:00:05.250Z 7", "2 2026-11-22T10:00:05.350Z 5", "1 2026-11-22T10:00:06.150Z 2");
            assertThat(audit.list("s2", null)).extracting(e -> e.kind() + " " + e.detail()).containsExactly("input 1");
        }
    }
}
