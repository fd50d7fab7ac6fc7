package dev.ferry.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** {@code --since}: a date (midnight UTC) or an instant. */
final class Since {
    private Since() {}

    static Instant parse(String value) {
        if (value == null) return null;
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since must be a date (2026-11-20) or an instant (2026-11-20T10:00:00Z), got '" + value + "'");
        }
    }
}
