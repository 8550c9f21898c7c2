-- +goose Up
-- An edition announced to the public and then called off keeps its page, which says why.
ALTER TABLE editions ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
-- A call closed before its announced deadline keeps that deadline, so its page can say so.
ALTER TABLE calls ADD COLUMN announced_closes_at TIMESTAMP;

-- +goose Down
ALTER TABLE calls DROP COLUMN announced_closes_at;
ALTER TABLE editions DROP COLUMN cancel_reason;
