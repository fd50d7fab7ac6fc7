package dev.ferry.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaneFramesTest {
    private static final Message.Layout SPLIT = new Message.Layout(120, 39, 1, "[tmate] ", "\"host\" 12:00", List.of(
            new Message.Layout.Window(0, "bash", 0, List.of(new Message.Layout.Pane(0, 0, 0, 120, 39))),
            new Message.Layout.Window(1, "vim ü", 3, List.of(
                    new Message.Layout.Pane(2, 0, 0, 60, 39),
                    new Message.Layout.Pane(3, 61, 0, 59, 39)))));

    private static Message roundTrip(Message m) throws ProtocolException {
        return Frames.decode(Frames.encode(m));
    }

    @Test
    void paneFramesSurviveARoundTrip() throws ProtocolException {
        for (Message m : List.of(SPLIT,
                new Message.Layout(80, 23, 0, "", "", List.of()),
                new Message.PaneOutput(Integer.MAX_VALUE, "\033[1mhi".getBytes()),
                new Message.PaneOutput(7, new byte[0]),
                new Message.PaneSnapshot(3, 59, 39, "\033[2Jvim".getBytes()),
                new Message.SelectPane(42))) {
            assertThat(roundTrip(m)).isEqualTo(m);
        }
    }

    @Test
    void bytesAreAsDocumented() {
        assertThat(HexFormat.of().formatHex(Frames.encodeToArray(new Message.SelectPane(258)))).isEqualTo("0f00000102");
        assertThat(HexFormat.of().formatHex(Frames.encodeToArray(new Message.PaneOutput(1, "A".getBytes())))).isEqualTo("0d0000000141");
        assertThat(HexFormat.of().formatHex(Frames.encodeToArray(new Message.PaneSnapshot(1, 80, 24, new byte[0]))))
                .isEqualTo("0e0000000100500018");
        // cols 80, rows 23, window 0, "", "", one window: index 0, name "a", active pane 5, one pane: 5 at 0,0 80x23
        assertThat(HexFormat.of().formatHex(Frames.encodeToArray(new Message.Layout(80, 23, 0, "", "",
                List.of(new Message.Layout.Window(0, "a", 5, List.of(new Message.Layout.Pane(5, 0, 0, 80, 23))))))))
                .isEqualTo("0c" + "0050" + "0017" + "00000000" + "0000" + "0000" + "0001"
                        + "00000000" + "000161" + "00000005" + "0001" + "00000005" + "0000" + "0000" + "0050" + "0017");
    }

    @Test
    void malformedPaneFramesAreRejected() {
        assertMalformed("0f000001", "truncated");
        assertMalformed("0f0000000100", "trailing");
        assertMalformed("0f80000000", "pane id 2147483648 is out of range");
        assertMalformed("0e0000000100000018", "terminal size 0x24");
        // a layout whose pane sits beyond the largest terminal
        assertMalformed("0c00500017000000000000000000010000000000016100000005000100000005" + "03e9" + "0000" + "0050" + "0017",
                "pane position 1001,0");
        assertMalformed("0c0050001700000000000000000001", "truncated");
    }

    @Test
    void aLayoutClaimingTooManyPanesIsRefusedBeforeAllocatingThem() {
        // 1 window claiming 1001 panes, with no pane data behind the claim
        assertMalformed("0c005000170000000000000000000100000000000161000000000" + "3e9", "more than 1000 panes");
        List<Message.Layout.Pane> panes = new ArrayList<>();
        for (int i = 0; i < 1001; i++) panes.add(new Message.Layout.Pane(i, 0, 0, 1, 1));
        assertThatThrownBy(() -> Frames.encode(new Message.Layout(80, 23, 0, "", "", List.of(new Message.Layout.Window(0, "w", 0, panes)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1001 panes");
    }

    private static void assertMalformed(String hex, String message) {
        ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex(hex));
        assertThatThrownBy(() -> Frames.decode(b)).isInstanceOf(ProtocolException.class).hasMessageContaining(message);
    }
}
