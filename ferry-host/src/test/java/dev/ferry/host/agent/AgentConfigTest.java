package dev.ferry.host.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.protocol.AgentMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
    @TempDir Path tmp;

    @Test
    void theFileGivesSettingsAndFlagsWin() throws Exception {
        Path f = tmp.resolve("agent.conf");
        Files.writeString(f, "relay = http://file:8080\ntoken = fd_file\nshell.command = /bin/bash\nshell.args = -l -i\n"
                + "shell.user = nobody\nlimits.shells = 3\nlimits.idle-seconds = 5\ngrace-seconds = 7\n");
        Map<String, String> flags = new HashMap<>();
        flags.put("relay", "http://flag:9090");
        flags.put("token", null);
        AgentConfig c = AgentConfig.load(f, flags);
        assertThat(c.relay()).isEqualTo("http://flag:9090");
        assertThat(c.token()).isEqualTo("fd_file");
        assertThat(c.command()).isEqualTo(List.of("/bin/bash", "-l", "-i"));
        assertThat(c.user()).isEqualTo("nobody");
        assertThat(c.limits()).isEqualTo(new AgentMessage.Limits(3, 4, 5, 0, 7));
        assertThat(c.toString()).doesNotContain("fd_file");
    }

    @Test
    void mistakesAreOneLineErrors() throws Exception {
        Path f = tmp.resolve("bad.conf");
        Files.writeString(f, "relay = x\ntoken = y\nlimits.shell = 3\n");
        assertThatThrownBy(() -> AgentConfig.load(f, Map.of())).hasMessageContaining("unknown setting 'limits.shell'");
        Files.writeString(f, "relay = x\ntoken = y\nlimits.shells = many\n");
        assertThatThrownBy(() -> AgentConfig.load(f, Map.of())).hasMessage("limits.shells must be a whole number, got 'many'");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("relay", "x"))).hasMessageContaining("no device token");
    }

    @Test
    void backoffGrowsToTheCapWithJitter() throws Exception {
        AgentConfig c = AgentConfig.load(null, Map.of("relay", "x", "token", "y", "reconnect.max-seconds", "8"));
        Agent a = new Agent(c, "test", System.err);
        for (int i = 0; i < 50; i++) {
            assertThat(a.backoff(0)).isBetween(0.25, 0.5);
            assertThat(a.backoff(3)).isBetween(2.0, 4.0);
            assertThat(a.backoff(30)).isBetween(4.0, 8.0);
        }
    }
}
