package dev.ferry.bench.load;

import java.io.IOException;

/** One participant's terminal connection, whatever the transport: send keystrokes, receive into its sink. */
interface Term extends AutoCloseable {
    void send(byte[] data) throws IOException;

    @Override
    void close();
}
