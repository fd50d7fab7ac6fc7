package dev.ferry.ftests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.protocol.Frames;
import dev.ferry.protocol.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting on embedded defaults, recording sessions, and shutting down cleanly. */
class RelayLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    @Test
    void sigtermTellsEverySessionAndRecordsItsEnd() throws Exception {
        RelayProcess relay = RelayProcess.start(tmp);
        try (WsPeer host = WsPeer.connect(relay.ws("/ws/host"))) {
            host.send(new Message.Hello(Frames.VERSION, true, 80, 24, "vim notes.txt"));
            Message.SessionInfo info = host.await(Message.SessionInfo.class, WAIT);
            assertThat(info.rwToken()).isEmpty();
            try (WsPeer viewer = WsPeer.connect(relay.ws("/ws/join/" + info.roToken()))) {
                viewer.await(Message.Snapshot.class, WAIT);
                relay.stop();
                assertThat(viewer.await(Message.Close.class, WAIT).reason()).isEqualTo("session ended: relay shutting down");
                assertThat(host.await(Message.Close.class, WAIT).reason()).isEqualTo("relay shutting down");
            }
        } finally {
            relay.close();
        }
        assertThat(relay.process().isAlive()).isFalse();
        assertThat(relay.stderr()).doesNotContain("Exception");

        try (Connection c = DriverManager.getConnection(relay.jdbcUrl());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT command, read_only, host_address, created, ended, end_reason FROM sessions")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("command")).isEqualTo("vim notes.txt");
            assertThat(rs.getBoolean("read_only")).isTrue();
            assertThat(rs.getString("host_address")).isEqualTo("127.0.0.1");
            assertThat(rs.getString("created")).isNotBlank();
            assertThat(rs.getString("ended")).isNotBlank();
            assertThat(rs.getString("end_reason")).isEqualTo("relay shutting down");
            assertThat(rs.next()).isFalse();
            if (relay.jdbcUrl().startsWith("jdbc:sqlite:")) {
                try (ResultSet mode = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                    assertThat(mode.next()).isTrue();
                    assertThat(mode.getString(1)).isEqualTo("wal");
                }
            }
        }
    }

    @Test
    void aHeadlessShareEndsWhenTheRelayShutsDown() throws Exception {
        try (RelayProcess relay = RelayProcess.start(tmp.resolve("relay"));
             ShareProcess share = ShareProcess.start(tmp.resolve("share"), relay, List.of(), "sleep", "60")) {
            relay.stop();
            assertThat(share.waitFor(WAIT)).isEqualTo(1);
            assertThat(share.stderr()).contains("ferry: session ended: relay shutting down");
        }
    }

    @Test
    void aMissingCommandIsReportedBeforeAnythingIsShared() throws Exception {
        try (RelayProcess relay = RelayProcess.start(tmp.resolve("relay"))) {
            Process p = Ferry.start(tmp, "nocmd", Map.of(), "share", "--headless", "--relay", relay.webBase(), "--", "no-such-command-here");
            assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isNotZero();
            assertThat(Ferry.read(tmp.resolve("nocmd.out"))).isEmpty();
            assertThat(Ferry.read(tmp.resolve("nocmd.err")).strip()).isEqualTo("ferry: command not found: no-such-command-here");
        }
    }

    @Test
    void sharingWithoutATerminalSaysUseHeadless() throws Exception {
        Process p = Ferry.start(tmp, "notty", Map.of(), "share", "--relay", "http://127.0.0.1:1");
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(Ferry.read(tmp.resolve("notty.err")).strip()).isEqualTo("ferry: no terminal to share (use --headless)");
    }

    @Test
    void noArgumentsRunOnTheXdgDataDirectoryAndEnvironmentAndConfigFileSettings() throws Exception {
        Path xdg = tmp.resolve("xdg");
        Files.createDirectories(xdg.resolve("ferry"));
        // The config file sets the listen address; the environment sets the ports (and wins over the file).
        Files.writeString(xdg.resolve("ferry/ferry.conf"), "# test\nlisten = 127.0.0.1\nhttp-port = 1\n");
        Map<String, String> env = Map.of("XDG_DATA_HOME", xdg.toString(), "FERRY_HTTP_PORT", "0", "FERRY_SSH_PORT", "0");
        Process p = Ferry.start(tmp, "bare", env, "relay");
        try {
            Ferry.waitUntil(WAIT, "the banner", () -> Ferry.read(tmp.resolve("bare.out")).contains("web: http://127.0.0.1:"));
            String out = Ferry.read(tmp.resolve("bare.out"));
            assertThat(out).contains("data: " + xdg.resolve("ferry"));
            assertThat(xdg.resolve("ferry/ferry.db")).exists();
        } finally {
            Ferry.stop(p, WAIT);
        }
    }

    @Test
    void badSettingsGiveOneLineAndANonZeroStatus() throws Exception {
        Process p = Ferry.start(tmp, "bad", Map.of("FERRY_HTTP_PORT", "eighty"), "relay", "--data", tmp.resolve("d").toString());
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(Ferry.read(tmp.resolve("bad.err")).strip()).isEqualTo("ferry: http-port must be a port number (0-65535), got 'eighty'");
    }

    @Test
    void sharingWithNoRelayFailsWithOneLine() throws Exception {
        Process p = Ferry.start(tmp, "norelay", Map.of(), "share", "--headless", "--relay", "http://127.0.0.1:1", "--", "true");
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotZero();
        List<String> lines = Ferry.read(tmp.resolve("norelay.err")).strip().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("ferry: cannot reach the relay at http://127.0.0.1:1");
    }
}
