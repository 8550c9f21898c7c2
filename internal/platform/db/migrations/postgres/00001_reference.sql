-- +goose Up
-- Regions and prefectures/provinces of Morocco, keyed by their statistics-office codes
-- (kept as text: codes such as "051" carry a meaningful leading zero).
CREATE TABLE regions (
    code    TEXT PRIMARY KEY,
    name_ar TEXT NOT NULL,
    name_fr TEXT NOT NULL
);

CREATE TABLE provinces (
    code        TEXT PRIMARY KEY,
    region_code TEXT NOT NULL REFERENCES regions (code),
    name_ar     TEXT NOT NULL,
    name_fr     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('prefecture', 'province'))
);

CREATE INDEX provinces_region_code ON provinces (region_code);

-- +goose Down
DROP TABLE provinces;
DROP TABLE regions;
