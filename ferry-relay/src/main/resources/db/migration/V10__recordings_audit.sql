-- Recordings and the audit log (issue 7). Versioned 10 so the accounts migrations (V2, V3...) stay before it.
-- Times are ISO-8601 UTC text, like V1.

-- One asciicast v2 file per session, path relative to the data directory.
CREATE TABLE recordings (
    session_id   VARCHAR(36)  PRIMARY KEY,
    path         TEXT         NOT NULL,
    started      VARCHAR(40)  NOT NULL,
    finished     VARCHAR(40),
    duration_ms  BIGINT       NOT NULL DEFAULT 0,
    bytes        BIGINT       NOT NULL DEFAULT 0,
    lost_bytes   BIGINT       NOT NULL DEFAULT 0,
    cols         INTEGER      NOT NULL,
    rows         INTEGER      NOT NULL,
    command      TEXT         NOT NULL
);

CREATE INDEX recordings_started ON recordings (started);

-- Session starts and ends, joins and leaves. seq orders a session's events (assigned by the relay).
-- participant is the seat's number within the session; user stays NULL until accounts exist.
CREATE TABLE audit_events (
    session_id      VARCHAR(36)  NOT NULL,
    seq             INTEGER      NOT NULL,
    at              VARCHAR(40)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    participant     INTEGER,
    transport       VARCHAR(8),
    address         VARCHAR(64),
    key_fingerprint VARCHAR(80),
    access          VARCHAR(12),
    user_name       VARCHAR(200),
    detail          TEXT,
    PRIMARY KEY (session_id, seq)
);

CREATE INDEX audit_events_at ON audit_events (at);

-- Input from read-write participants, summed per participant per second (first_at: that second's first keystroke).
CREATE TABLE input_activity (
    session_id  VARCHAR(36)  NOT NULL,
    participant INTEGER      NOT NULL,
    second      VARCHAR(40)  NOT NULL,
    first_at    VARCHAR(40)  NOT NULL,
    bytes       INTEGER      NOT NULL,
    PRIMARY KEY (session_id, participant, second)
);
