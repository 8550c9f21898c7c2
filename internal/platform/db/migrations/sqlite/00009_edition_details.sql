-- +goose Up
-- A tour groups the mobile-market editions that travel through a region in one year.
CREATE TABLE tours (
    id          INTEGER PRIMARY KEY,
    region_code TEXT NOT NULL REFERENCES regions (code),
    year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    title_ar    TEXT NOT NULL,
    title_fr    TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);

CREATE INDEX tours_region_year ON tours (region_code, year);

-- The facts of an edition beyond its place and dates: theme, hours, legal basis, patronage,
-- the occasion it marks, how many people each stand receives, and its tour.
ALTER TABLE editions ADD COLUMN theme_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN theme_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN theme_zgh TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN about_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN about_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN about_zgh TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN opens_at INTEGER CHECK (opens_at BETWEEN 0 AND 1439);
ALTER TABLE editions ADD COLUMN closes_at INTEGER CHECK (closes_at BETWEEN 0 AND 1439);
ALTER TABLE editions ADD COLUMN legal_basis_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN legal_basis_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN patronage_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN patronage_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN occasion_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN occasion_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE editions ADD COLUMN reps_per_stand INTEGER NOT NULL DEFAULT 2 CHECK (reps_per_stand BETWEEN 1 AND 10);
ALTER TABLE editions ADD COLUMN tour_id INTEGER REFERENCES tours (id);

-- The bodies behind an edition: organiser, partners, collaborators, funders.
CREATE TABLE edition_partners (
    edition_id INTEGER NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name_ar    TEXT NOT NULL,
    name_fr    TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('organiser', 'partner', 'collaborator', 'funder')),
    convention TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (edition_id, position)
);

-- The poles and spaces of the venue.
CREATE TABLE edition_spaces (
    edition_id INTEGER NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    name_ar    TEXT NOT NULL DEFAULT '',
    name_fr    TEXT NOT NULL DEFAULT '',
    area_m2    INTEGER CHECK (area_m2 > 0),
    stands     INTEGER CHECK (stands > 0),
    PRIMARY KEY (edition_id, position)
);

-- The countries and regions an edition hosts.
CREATE TABLE edition_guests (
    edition_id INTEGER NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('country', 'region')),
    name_ar    TEXT NOT NULL,
    name_fr    TEXT NOT NULL,
    PRIMARY KEY (edition_id, position)
);

-- +goose Down
DROP TABLE edition_guests;
DROP TABLE edition_spaces;
DROP TABLE edition_partners;
ALTER TABLE editions DROP COLUMN tour_id;
ALTER TABLE editions DROP COLUMN reps_per_stand;
ALTER TABLE editions DROP COLUMN occasion_fr;
ALTER TABLE editions DROP COLUMN occasion_ar;
ALTER TABLE editions DROP COLUMN patronage_fr;
ALTER TABLE editions DROP COLUMN patronage_ar;
ALTER TABLE editions DROP COLUMN legal_basis_fr;
ALTER TABLE editions DROP COLUMN legal_basis_ar;
ALTER TABLE editions DROP COLUMN closes_at;
ALTER TABLE editions DROP COLUMN opens_at;
ALTER TABLE editions DROP COLUMN about_zgh;
ALTER TABLE editions DROP COLUMN about_fr;
ALTER TABLE editions DROP COLUMN about_ar;
ALTER TABLE editions DROP COLUMN theme_zgh;
ALTER TABLE editions DROP COLUMN theme_fr;
ALTER TABLE editions DROP COLUMN theme_ar;
DROP TABLE tours;
