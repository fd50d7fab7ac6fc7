-- Devices running `ferry agent`. The token itself is never stored: only its SHA-256 (hex), like API keys.
-- online/last_seen/agent_version/os/hostname are what the relay last heard from the agent.
CREATE TABLE devices (
    name          VARCHAR(64)  PRIMARY KEY,
    group_name    VARCHAR(64),
    token_id      VARCHAR(16)  NOT NULL UNIQUE,
    token_hash    VARCHAR(64)  NOT NULL,
    created       VARCHAR(40)  NOT NULL,
    revoked       VARCHAR(40),
    online        BOOLEAN      NOT NULL DEFAULT FALSE,
    last_seen     VARCHAR(40),
    agent_version VARCHAR(100),
    os            VARCHAR(200),
    hostname      VARCHAR(200)
);

-- Device groups a user may open shells in; a user with no row here may use every group.
CREATE TABLE user_device_groups (
    user_name  VARCHAR(64) NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    group_name VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_name, group_name)
);
