-- +goose Up
-- The published selection's decision on each application, with its machine-readable
-- reason (the engine's code and details) and, for the waitlist, its rank.
ALTER TABLE applications ADD COLUMN decision TEXT CHECK (decision IN ('selected', 'waitlisted', 'not_selected'));
ALTER TABLE applications ADD COLUMN decision_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE applications ADD COLUMN waitlist_rank INTEGER;
ALTER TABLE applications ADD COLUMN decided_at TIMESTAMP;

-- Candidates an organiser forces in or out of the selection, with the written reason.
CREATE TABLE selection_pins (
    edition_id     INTEGER NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    side           TEXT NOT NULL CHECK (side IN ('in', 'out')),
    justification  TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (edition_id, application_id)
);

-- +goose Down
DROP TABLE selection_pins;
ALTER TABLE applications DROP COLUMN decided_at;
ALTER TABLE applications DROP COLUMN waitlist_rank;
ALTER TABLE applications DROP COLUMN decision_reason;
ALTER TABLE applications DROP COLUMN decision;
