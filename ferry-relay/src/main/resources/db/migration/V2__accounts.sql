-- Accounts: users with roles, their SSH public keys, and API keys. Portable SQL (SQLite and PostgreSQL);
-- times are ISO-8601 UTC text like the sessions table.
CREATE TABLE users (
    name          VARCHAR(64)  PRIMARY KEY,
    roles         VARCHAR(100) NOT NULL,
    password_hash VARCHAR(200),
    created       VARCHAR(40)  NOT NULL
);

-- One row per registered key; public_key is the authorized_keys form "TYPE BASE64".
CREATE TABLE user_keys (
    user_name   VARCHAR(64)  NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    fingerprint VARCHAR(100) NOT NULL,
    public_key  TEXT         NOT NULL,
    comment     VARCHAR(200) NOT NULL,
    created     VARCHAR(40)  NOT NULL,
    PRIMARY KEY (user_name, fingerprint)
);

CREATE INDEX user_keys_fingerprint ON user_keys (fingerprint);

-- The key itself is never stored: only its SHA-256 (hex). id is the key's public prefix, used to list and revoke.
CREATE TABLE api_keys (
    id         VARCHAR(16)  PRIMARY KEY,
    user_name  VARCHAR(64)  NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    key_hash   VARCHAR(64)  NOT NULL,
    created    VARCHAR(40)  NOT NULL,
    last_used  VARCHAR(40),
    revoked    VARCHAR(40)
);
