-- Web login sessions (the browser's ferry_session cookie). Only the cookie value's SHA-256 (hex) is stored.
-- In the database so that relays sharing one PostgreSQL share logins and a restart logs nobody out.
-- expires is milliseconds since the epoch (compared as a number; created is ISO-8601 text like elsewhere).
CREATE TABLE web_sessions (
    token_hash VARCHAR(64)  PRIMARY KEY,
    user_name  VARCHAR(64)  NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    created    VARCHAR(40)  NOT NULL,
    expires    BIGINT       NOT NULL
);

CREATE INDEX web_sessions_expires ON web_sessions (expires);
