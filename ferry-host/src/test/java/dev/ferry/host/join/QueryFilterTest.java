package dev.ferry.host.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueryFilterTest {
    private static final String QUERIES = "\033[6n\033[5n\033[?6n\033[c\033[0c\033[>c\033[>0c\033[?2004$p\033[4$p";
    private static final String KEPT = "\033[1;31mred\033[0m \033[2J\033[?1049h\033[10;20H\033[>4;1m\033[3 q\033]0;title\007\033\033x é";

    private static String filtered(String text, int chunk) {
        QueryFilter f = new QueryFilter();
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < in.length; i += chunk) {
            byte[] part = java.util.Arrays.copyOfRange(in, i, Math.min(in.length, i + chunk));
            out.writeBytes(f.apply(part));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void queriesAreTakenOutAndEverythingElsePassesInOrderWhateverTheChunking() {
        for (int chunk = 1; chunk <= 7; chunk++) {
            assertThat(filtered("a" + QUERIES + KEPT + "b", chunk)).as("chunks of %d", chunk).isEqualTo("a" + KEPT + "b");
            assertThat(filtered(KEPT + "\033[6n" + KEPT, chunk)).isEqualTo(KEPT + KEPT);
        }
    }

    @Test
    void anOverlongOrBrokenSequenceIsLetThrough() {
        String longOne = "\033[" + "1;".repeat(40) + "n";
        assertThat(filtered(longOne, 5)).isEqualTo(longOne);
        assertThat(filtered("\033[6\nn", 3)).isEqualTo("\033[6\nn");
    }
}
