package dev.ferry.cli;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * The log message with anything shaped like a secret masked: session tokens (26 characters of the
 * token alphabet, MINA prints the SSH user name, which is the token, in its session descriptions)
 * and API keys. Ferry's own code never logs them; this catches what libraries print.
 */
public final class RedactedMessage extends MessageConverter {
    private static final Pattern SECRET = Pattern.compile(
            "(?<![A-Za-z0-9])(?:[abcdefghjkmnpqrstuvwxyz23456789]{26}|fk_[A-Za-z0-9]{8}_[A-Za-z0-9]{32})(?![A-Za-z0-9])");

    @Override
    public String convert(ILoggingEvent event) {
        return redact(super.convert(event));
    }

    static String redact(String message) {
        return message == null ? null : SECRET.matcher(message).replaceAll("***");
    }
}
