package dev.ferry.protocol.asciicast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsciicastRepairTest {
    private static final String HEADER = "{\"version\": 2, \"width\": 80, \"height\": 24}\n";

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("f.cast"), content);
    }

    @Test
    void cutsATornLastLine() throws IOException {
        Path f = file(HEADER + "[1, \"o\", \"a\"]\n[1.5, \"o\", \"b\\u00");
        assertThat(AsciicastRepair.repair(f)).isEqualTo(new AsciicastRepair.Result(17, false));
        assertThat(Files.readString(f)).isEqualTo(HEADER + "[1, \"o\", \"a\"]\n");
        assertThat(AsciicastRepair.repair(f).changed()).as("a second repair finds nothing").isFalse();
    }

    @Test
    void completesALastEventThatOnlyLacksItsNewline() throws IOException {
        Path f = file(HEADER + "[1, \"o\", \"a\"]");
        assertThat(AsciicastRepair.repair(f)).isEqualTo(new AsciicastRepair.Result(0, true));
        assertThat(Files.readString(f)).isEqualTo(HEADER + "[1, \"o\", \"a\"]\n");
    }

    @Test
    void leavesACleanFileAlone() throws IOException {
        Path f = file(HEADER + "[1, \"o\", \"a\"]\n");
        assertThat(AsciicastRepair.repair(f).changed()).isFalse();
        assertThat(Files.readString(f)).isEqualTo(HEADER + "[1, \"o\", \"a\"]\n");
    }

    @Test
    void aTornHeaderCannotBeRepaired() throws IOException {
        Path f = file("{\"version\": 2, \"wid");
        assertThatThrownBy(() -> AsciicastRepair.repair(f)).isInstanceOf(AsciicastFormatException.class)
                .hasMessageContaining("header line is incomplete");
        Path empty = file("");
        assertThatThrownBy(() -> AsciicastRepair.repair(empty)).hasMessageContaining("empty file");
    }

    @Test
    void findsTheLastNewlineFarBack() throws IOException {
        String longTorn = "[1, \"o\", \"" + "x".repeat(200_000);
        Path f = file(HEADER + longTorn);
        assertThat(AsciicastRepair.repair(f).removedBytes()).isEqualTo(longTorn.length());
        assertThat(Files.readString(f)).isEqualTo(HEADER);
    }
}
