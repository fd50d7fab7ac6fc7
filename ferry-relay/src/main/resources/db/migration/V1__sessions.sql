-- One row per shared terminal. Times are ISO-8601 UTC text (portable between SQLite and PostgreSQL).
CREATE TABLE sessions (
    id           VARCHAR(36)  PRIMARY KEY,
    created      VARCHAR(40)  NOT NULL,
    ended        VARCHAR(40),
    host_address VARCHAR(64)  NOT NULL,
    command      TEXT         NOT NULL,
    read_only    BOOLEAN      NOT NULL,
    end_reason   TEXT
);

CREATE INDEX sessions_created ON sessions (created);
