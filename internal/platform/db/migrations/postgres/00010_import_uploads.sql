-- +goose Up
-- Registry files uploaded through the import pages, kept between the steps of the import
-- (mapping, preview, commit, rejected rows) in the database rather than on one server's
-- disk, so that any aswaq process sharing the database can serve the next step. Each
-- belongs to the user who uploaded it; the hourly maintenance deletes them after a day.
-- id is random (not a sequence), so that an address does not reveal how many there are.
CREATE TABLE import_uploads (
    id         TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name  TEXT NOT NULL,
    size       BIGINT NOT NULL,
    data       BYTEA NOT NULL,
    region     TEXT NOT NULL DEFAULT '',  -- the region the import is limited to; '' for all (admins)
    mapping    TEXT NOT NULL DEFAULT '',  -- the field of each column, comma-separated, once chosen
    result     TEXT NOT NULL DEFAULT '',  -- what the commit did, once done
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX import_uploads_created ON import_uploads (created_at);

-- +goose Down
DROP TABLE import_uploads;
