-- +goose Up
-- An edition's floor plan, kept as one JSON document (venue.Plan: outline, entrances, poles,
-- stands with code, rectangle, facing, kind, facilities, accessibility, capacity). One
-- document rather than a row per stand because the plan is only ever checked and changed
-- as a whole: venue.Validate looks at every stand against every other (overlaps, clearances,
-- duplicate codes) and every edit returns a new plan, so the store reads it whole, validates
-- it whole and replaces it whole in one statement; no query needs a single stand's row.
-- The practical information for exhibitors (arrival, set-up, what to bring) goes with it,
-- and last_run holds the last assignment's score, unassigned organisations and violations.
CREATE TABLE venue_plans (
    edition_id   BIGINT PRIMARY KEY REFERENCES editions (id) ON DELETE CASCADE,
    plan         TEXT NOT NULL,
    practical_ar TEXT NOT NULL DEFAULT '',
    practical_fr TEXT NOT NULL DEFAULT '',
    last_run     TEXT NOT NULL DEFAULT '',
    updated_at   TIMESTAMP NOT NULL
);

-- Which organisation is on which stand. Relational, unlike the plan: an organisation is on
-- one stand of an edition, and its row goes when the organisation does. pinned marks a
-- stand the organiser chose by hand: a new run of the assignment keeps it.
CREATE TABLE stand_assignments (
    edition_id      BIGINT NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    stand_code      TEXT NOT NULL,
    pinned          BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (edition_id, organisation_id)
);
CREATE INDEX stand_assignments_stand ON stand_assignments (edition_id, stand_code);

-- +goose Down
DROP TABLE stand_assignments;
DROP TABLE venue_plans;
