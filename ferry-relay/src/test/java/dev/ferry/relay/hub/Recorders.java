package dev.ferry.relay.hub;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Plain in-memory implementations of the hub's interfaces, the way a transport would be written. */
final class Recorders {
    private Recorders() {}

    static class RecordingSource implements Source {
        final ByteArrayOutputStream input = new ByteArrayOutputStream();
        final List<String> notices = new CopyOnWriteArrayList<>();
        final List<Integer> selected = new CopyOnWriteArrayList<>();
        volatile String ended;

        @Override public void selectPane(int pane) { selected.add(pane); }
        @Override public synchronized void input(byte[] data) { input.writeBytes(data); }
        @Override public void notice(String text) { notices.add(text); }
        @Override public void ended(String reason) { ended = reason; }
        synchronized String inputText() { return input.toString(); }
    }

    static class RecordingParticipant implements Participant {
        final String address;
        final AtomicInteger wakes = new AtomicInteger();
        volatile String disconnected;
        Seat seat;
        final List<Delivery> received = new ArrayList<>();

        RecordingParticipant(String address) { this.address = address; }

        @Override public String transport() { return "test"; }
        @Override public String address() { return address; }
        @Override public void wake() { wakes.incrementAndGet(); }
        @Override public void disconnect(String reason) { disconnected = reason; }

        List<Delivery> drain() {
            List<Delivery> d = seat.drain();
            received.addAll(d);
            return d;
        }

        /** Output bytes received since the last snapshot (what a terminal would show after it). */
        String outputText() {
            StringBuilder sb = new StringBuilder();
            for (Delivery d : received) {
                if (d instanceof Delivery.Output o) sb.append(new String(o.data()));
            }
            return sb.toString();
        }
    }
}
