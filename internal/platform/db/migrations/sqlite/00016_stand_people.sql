-- +goose Up
-- The people a selected organisation sends to its stand (two by default), named by its
-- representatives; badges are printed from them.
CREATE TABLE stand_people (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    national_id    TEXT NOT NULL,
    phone          TEXT NOT NULL,
    gender         TEXT NOT NULL CHECK (gender IN ('female', 'male')),
    role           TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL,
    UNIQUE (application_id, national_id)
);

-- +goose Down
DROP TABLE stand_people;
