package dev.ferry.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTest {
    @Test
    void fourLinesInTmatesWords() {
        var info = new Message.SessionInfo(false, "rwtoken", "ro-token", "relay.example", 2222, "https://relay.example/");
        assertThat(Links.of(info).lines()).containsExactly(
                "ssh session: ssh -p2222 rwtoken@relay.example",
                "ssh session read only: ssh -p2222 ro-token@relay.example",
                "web session: https://relay.example/t/rwtoken",
                "web session read only: https://relay.example/t/ro-token");
    }

    @Test
    void readOnlySessionsHaveNoReadWriteLink() {
        var info = new Message.SessionInfo(true, "", "ro-token", "h", 22, "http://h:8080");
        assertThat(Links.of(info).lines()).containsExactly(
                "ssh session read only: ssh -p22 ro-token@h",
                "web session read only: http://h:8080/t/ro-token");
    }

    @Test
    void noSshLinesWithoutAnSshPort() {
        var info = new Message.SessionInfo(false, "rw", "ro-x", "h", 0, "http://h:8080");
        assertThat(Links.of(info).lines()).containsExactly("web session: http://h:8080/t/rw", "web session read only: http://h:8080/t/ro-x");
    }
}
