package dev.ferry.relay.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as fixed-width ISO-8601 UTC text (microseconds), so that text order is time order in every database. */
final class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    static String text(Instant t) {
        return t == null ? null : FORMAT.format(t);
    }

    static String since(Instant t) {
        return t == null ? "" : text(t);
    }
}
