-- +goose Up
-- Messages to people (email, later SMS), written in the same transaction as the change that
-- causes them and delivered by a worker, so nothing is lost when the mail server is down or
-- the process stops. The status is derived: sent when sent_at is set, failed (given up) when
-- failed_at is set, pending otherwise. claimed_until is a worker's lease on the message.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    recipient       TEXT NOT NULL,
    recipient_name  TEXT NOT NULL DEFAULT '',
    lang            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    subject         TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until   TIMESTAMP,
    sent_at         TIMESTAMP,
    failed_at       TIMESTAMP,
    last_error      TEXT NOT NULL DEFAULT '',
    CHECK (sent_at IS NULL OR failed_at IS NULL)
);

-- The worker's claim: the pending messages of a channel, the one due longest ago first.
CREATE INDEX outbox_due ON outbox (channel, next_attempt_at, id) WHERE sent_at IS NULL AND failed_at IS NULL;
-- The admin page's filter by kind, newest first.
CREATE INDEX outbox_kind ON outbox (kind, id);

-- +goose Down
DROP TABLE outbox;
