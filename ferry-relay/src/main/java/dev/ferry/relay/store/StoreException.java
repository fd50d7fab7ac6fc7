package dev.ferry.relay.store;

import java.sql.SQLException;

/** A database operation failed; the message is the database's one line (never the statement's parameters). */
public final class StoreException extends RuntimeException {
    StoreException(SQLException cause) {
        super("database error: " + cause.getMessage(), cause);
    }

    /** True when the failure was a duplicate key (unique or primary key violated). */
    public boolean duplicate() {
        SQLException e = (SQLException) getCause();
        String state = e.getSQLState();
        String msg = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return "23505".equals(state) || msg.contains("unique") || msg.contains("primary key");
    }
}
