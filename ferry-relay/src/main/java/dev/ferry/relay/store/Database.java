package dev.ferry.relay.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/**
 * Opens the relay's database and brings its schema up to date with Flyway ({@code db/migration},
 * one SQL set for both). SQLite ({@code DATA/ferry.db}, WAL) unless a {@code jdbc:postgresql:} URL
 * is given. Several processes may use it at once: the relay and the admin commands.
 */
public final class Database {
    private Database() {}

    /** {@code url} null or blank: SQLite in {@code dataDir}. Otherwise a JDBC URL (SQLite or PostgreSQL). */
    public static HikariDataSource open(Path dataDir, String url) throws IOException {
        HikariConfig c = new HikariConfig();
        c.setPoolName("ferry-db");
        String jdbc = url == null || url.isBlank() ? null : url.strip();
        if (jdbc == null) {
            Files.createDirectories(dataDir);
            jdbc = "jdbc:sqlite:" + dataDir.resolve("ferry.db");
        }
        c.setJdbcUrl(jdbc);
        if (jdbc.startsWith("jdbc:sqlite:")) {
            c.setMaximumPoolSize(1);  // SQLite has one writer; one connection avoids SQLITE_BUSY between our own threads
            c.addDataSourceProperty("journal_mode", "WAL");
            c.addDataSourceProperty("busy_timeout", "5000");
            c.addDataSourceProperty("synchronous", "NORMAL");
            c.addDataSourceProperty("foreign_keys", "true");
        } else if (jdbc.startsWith("jdbc:postgresql:")) {
            c.setMaximumPoolSize(4);
            c.setMinimumIdle(1);
        } else {
            throw new IllegalArgumentException("database-url must be jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
        }
        c.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(c);
        } catch (RuntimeException e) {
            throw new IOException("cannot open the database: " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new IOException("cannot migrate the database: " + rootMessage(e), e);
        }
        return pool;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.getMessage();
    }
}
