package dev.ferry.protocol.asciicast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LazyBuffer: every byte, in order, through every write path; small writes are gathered; no buffer is held after a flush. */
class LazyBufferTest {
    /** The stream below, counting the writes it gets. */
    private static final class Below extends ByteArrayOutputStream {
        int writes;
        boolean closed;

        @Override
        public synchronized void write(int b) {
            writes++;
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes++;
            super.write(b, off, len);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void everyByteArrivesInOrderWhateverTheMixOfWritesAndFlushes() throws IOException {
        Random r = new Random(7);
        Below below = new Below();
        LazyBuffer buf = new LazyBuffer(below, 16, 64);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int small = 0;
        for (int i = 0; i < 5_000; i++) {
            switch (r.nextInt(5)) {
                case 0 -> {
                    int b = r.nextInt(256);
                    buf.write(b);
                    expected.write(b);
                    small++;
                }
                case 1, 2 -> {
                    byte[] b = new byte[r.nextInt(63) + 1];
                    r.nextBytes(b);
                    int off = r.nextInt(b.length), len = r.nextInt(b.length - off + 1);
                    buf.write(b, off, len);
                    expected.write(b, off, len);
                    small++;
                }
                case 3 -> {
                    byte[] b = new byte[64 + r.nextInt(200)];   // a whole buffer or more: straight through
                    r.nextBytes(b);
                    buf.write(b);
                    expected.write(b, 0, b.length);
                }
                default -> {
                    if (r.nextInt(10) == 0) {
                        buf.flush();
                        assertThat(buf.holdsBuffer()).isFalse();
                        assertThat(below.toByteArray()).isEqualTo(expected.toByteArray());
                    }
                }
            }
        }
        buf.close();
        assertThat(below.closed).isTrue();
        assertThat(below.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(small).isGreaterThan(1000);
        // Small writes are gathered, not passed on one by one: 1,000 single bytes through a 64-byte buffer.
        Below quiet = new Below();
        LazyBuffer gather = new LazyBuffer(quiet, 64, 64);
        for (int i = 0; i < 1000; i++) gather.write('a' + i % 26);
        gather.flush();
        assertThat(quiet.size()).isEqualTo(1000);
        assertThat(quiet.writes).isEqualTo(16);   // 15 full buffers and the rest at the flush
    }

    @Test
    void holdsABufferOnlyWhileItHasSomethingToWrite() throws IOException {
        Below below = new Below();
        LazyBuffer buf = new LazyBuffer(below, 8192, 65536);
        assertThat(buf.holdsBuffer()).isFalse();
        buf.write("[0.5, \"o\", \"x\"]\n".getBytes());
        assertThat(buf.holdsBuffer()).isTrue();
        assertThat(below.size()).isZero();
        buf.flush();
        assertThat(buf.holdsBuffer()).isFalse();
        assertThat(below.toString()).isEqualTo("[0.5, \"o\", \"x\"]\n");
    }

    @Test
    void aBufferThatFillsGrowsOnceAndASmallOneComesBackAfterTheFlush() throws IOException {
        Below below = new Below();
        LazyBuffer buf = new LazyBuffer(below, 64, 512);
        buf.write(new byte[40]);
        assertThat(buf.capacity()).isEqualTo(64);
        buf.write(new byte[40]);   // would not fit: grows instead of writing
        assertThat(buf.capacity()).isEqualTo(512);
        assertThat(below.writes).isZero();
        for (int i = 0; i < 100; i++) buf.write(new byte[40]);
        assertThat(below.writes).as("4,080 bytes, twelve 40-byte writes to a write below").isEqualTo(8);
        buf.flush();
        assertThat(below.size()).isEqualTo(4080);
        assertThat(buf.holdsBuffer()).isFalse();
        buf.write('x');
        assertThat(buf.capacity()).isEqualTo(64);
    }
}
