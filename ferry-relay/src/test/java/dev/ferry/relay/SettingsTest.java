package dev.ferry.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path tmp;

    @Test
    void flagsBeatEnvironmentBeatsFileBeatsDefault() {
        Map<String, String> file = Map.of("http-port", "1", "ssh-port", "2", "listen", "10.0.0.1", "public-url", "https://f");
        Map<String, String> env = Map.of("FERRY_HTTP_PORT", "11", "FERRY_SSH_PORT", "12");
        Map<String, String> flags = Map.of("http-port", "21");
        Settings s = new Settings(flags, env, file);
        assertThat(s.port("http-port", 8080)).isEqualTo(21);
        assertThat(s.port("ssh-port", 2222)).isEqualTo(12);
        assertThat(s.get("listen", "0.0.0.0")).isEqualTo("10.0.0.1");
        assertThat(s.get("data", "dflt")).isEqualTo("dflt");
        assertThat(Settings.envName("public-url")).isEqualTo("FERRY_PUBLIC_URL");
    }

    @Test
    void badValuesSayWhichKeyAndWhatWasGiven() {
        Settings s = new Settings(Map.of("http-port", "70000", "queue-bytes", "12"), Map.of(), Map.of());
        assertThatThrownBy(() -> s.port("http-port", 1)).hasMessage("http-port must be a port number (0-65535), got '70000'");
        assertThatThrownBy(() -> s.number("queue-bytes", 1, 4096)).hasMessage("queue-bytes must be a whole number of at least 4096, got '12'");
    }

    @Test
    void configFileIsKeyValueLinesWithComments() throws Exception {
        Path f = tmp.resolve("ferry.conf");
        Files.writeString(f, "# comment\n\nhttp-port = 9000\npublic-url=https://relay.example/x=y\n");
        assertThat(Settings.readFile(f, false)).containsExactlyInAnyOrderEntriesOf(
                Map.of("http-port", "9000", "public-url", "https://relay.example/x=y"));
        assertThat(Settings.readFile(tmp.resolve("missing"), true)).isEmpty();
        assertThatThrownBy(() -> Settings.readFile(tmp.resolve("missing"), false)).hasMessageStartingWith("config file not found");
        Files.writeString(f, "http-port 9000\n");
        assertThatThrownBy(() -> Settings.readFile(f, false)).hasMessageEndingWith("ferry.conf:1: expected key=value");
    }

    @Test
    void dataDirectoryFollowsXdg() {
        assertThat(Settings.defaultDataDir(Map.of("XDG_DATA_HOME", "/x/data"))).isEqualTo(Path.of("/x/data/ferry"));
        assertThat(Settings.defaultDataDir(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".local/share/ferry"));
    }
}
