package dev.ferry.relay.tmate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MsgpackReaderTest {
    private static MsgpackReader reader(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) b[i] = (byte) bytes[i];
        return new MsgpackReader(new ByteArrayInputStream(b), 1024);
    }

    @Test
    void everyIntegerWidthIsALong() throws Exception {
        MsgpackReader r = reader(0x05, 0xff, 0xcc, 0xc8, 0xcd, 0x04, 0x11, 0xce, 0, 1, 0, 0, 0xd0, 0x80, 0xd1, 0xff, 0xfe,
                0xd2, 0xff, 0xff, 0xff, 0xff, 0xd3, 0, 0, 0x10, 0, 0, 0, 0, 0x41, 0xcf, 0, 0, 0x10, 0, 0, 0, 0, 0x44);
        assertThat(List.of(r.next(), r.next(), r.next(), r.next(), r.next(), r.next(), r.next(), r.next(), r.next(), r.next()))
                .containsExactly(5L, -1L, 200L, 1041L, 65536L, -128L, -2L, -1L, 0x100000000041L, 0x100000000044L);
        assertThatThrownBy(r::next).isInstanceOf(EOFException.class);
    }

    @Test
    void strAndBinAreBytesEvenWhenNotUtf8() throws Exception {
        MsgpackReader r = reader(0x92, 0xa2, 0xff, 0xfe, 0xc4, 0x01, 0x41);
        List<?> v = (List<?>) r.next();
        assertThat((byte[]) v.get(0)).containsExactly(0xff, 0xfe);
        assertThat((byte[]) v.get(1)).containsExactly(0x41);
    }

    @Test
    void aMessageSplitOrCoalescedAcrossReadsDecodesTheSame() throws Exception {
        byte[] two = MsgpackWriter.array(2L, 0L, "hello");
        byte[] stream = new byte[two.length * 2];
        System.arraycopy(two, 0, stream, 0, two.length);
        System.arraycopy(two, 0, stream, two.length, two.length);
        MsgpackReader r = new MsgpackReader(new java.io.InputStream() {
            int i;
            @Override public int read() { return i < stream.length ? stream[i++] & 0xff : -1; }
        }, 1024);
        for (int k = 0; k < 2; k++) {
            HostMessage m = HostMessage.of(r.next());
            assertThat(m.type()).isEqualTo(2);
            assertThat(m.string(1)).isEqualTo("hello");
        }
    }

    @Test
    void lengthsBeyondTheBudgetAreRefusedBeforeAllocating() {
        assertThatThrownBy(() -> reader(0xdb, 0x7f, 0xff, 0xff, 0xff).next())
                .isInstanceOf(MsgpackReader.MalformedException.class);
        assertThatThrownBy(() -> reader(0xdd, 0x7f, 0xff, 0xff, 0xff).next())
                .isInstanceOf(MsgpackReader.MalformedException.class);
        // 2000 one-byte elements do not fit a 1024-byte message
        int[] big = new int[2003];
        big[0] = 0xdc; big[1] = 0x07; big[2] = 0xd0;
        assertThatThrownBy(() -> reader(big).next()).isInstanceOf(MsgpackReader.MalformedException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void deepNestingMapsExtAndReservedBytesAreRefused() {
        int[] deep = new int[40];
        java.util.Arrays.fill(deep, 0x91);
        assertThatThrownBy(() -> reader(deep).next()).isInstanceOf(MsgpackReader.MalformedException.class)
                .hasMessageContaining("nesting");
        assertThatThrownBy(() -> reader(0x81, 0x01, 0x02).next()).isInstanceOf(MsgpackReader.MalformedException.class);
        assertThatThrownBy(() -> reader(0xd4, 0x01, 0x02).next()).isInstanceOf(MsgpackReader.MalformedException.class);
        assertThatThrownBy(() -> reader(0xc1).next()).isInstanceOf(MsgpackReader.MalformedException.class);
    }

    @Test
    void aStreamCutInsideAValueIsAnError() {
        assertThatThrownBy(() -> reader(0x93, 0x00, 0x06).next()).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> reader(0xa5, 0x32).next()).isInstanceOf(EOFException.class);
    }

    @Test
    void wrongShapesAreMalformedMessages() throws Exception {
        assertThatThrownBy(() -> HostMessage.of(7L)).isInstanceOf(MsgpackReader.MalformedException.class);
        assertThatThrownBy(() -> HostMessage.of(List.of())).isInstanceOf(MsgpackReader.MalformedException.class);
        HostMessage m = HostMessage.of(List.of(2L, new byte[] {1}));
        assertThatThrownBy(() -> m.integer(0)).isInstanceOf(MsgpackReader.MalformedException.class);
        assertThatThrownBy(() -> m.bytes(1)).isInstanceOf(MsgpackReader.MalformedException.class).hasMessageContaining("too few");
        HostMessage layout = HostMessage.of(List.of(1L, 5000L, 30L, List.of(), 0L));
        assertThatThrownBy(() -> LayoutCodec.decode(layout)).isInstanceOf(MsgpackReader.MalformedException.class);
    }

    @Test
    void theWriterProducesWhatTheReaderReads() throws Exception {
        byte[] m = MsgpackWriter.array(6, -1, 0x100000000041L, "x".repeat(40), "y".repeat(300), "z".repeat(70000), -1000L);
        List<?> v = (List<?>) new MsgpackReader(new ByteArrayInputStream(m), 1 << 20).next();
        assertThat(v.get(0)).isEqualTo(6L);
        assertThat(v.get(1)).isEqualTo(-1L);
        assertThat(v.get(2)).isEqualTo(0x100000000041L);
        assertThat(new String((byte[]) v.get(3))).hasSize(40);
        assertThat(new String((byte[]) v.get(4))).hasSize(300);
        assertThat(new String((byte[]) v.get(5))).hasSize(70000);
        assertThat(v.get(6)).isEqualTo(-1000L);
    }
}
