-- +goose Up
-- An edition is one fair or mobile market: one place, one span of days.
CREATE TABLE editions (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL CHECK (kind IN ('mobile_market', 'regional_fair', 'national_salon', 'other')),
    number            INTEGER CHECK (number > 0),
    region_code       TEXT NOT NULL REFERENCES regions (code),
    province_code     TEXT NOT NULL REFERENCES provinces (code),
    city_ar           TEXT NOT NULL,
    city_fr           TEXT NOT NULL,
    venue_ar          TEXT NOT NULL DEFAULT '',
    venue_fr          TEXT NOT NULL DEFAULT '',
    title_ar          TEXT NOT NULL,
    title_fr          TEXT NOT NULL,
    title_zgh         TEXT NOT NULL DEFAULT '',
    slogan_ar         TEXT NOT NULL DEFAULT '',
    slogan_fr         TEXT NOT NULL DEFAULT '',
    slogan_zgh        TEXT NOT NULL DEFAULT '',
    starts_on         DATE NOT NULL,
    ends_on           DATE NOT NULL,
    area_m2           INTEGER CHECK (area_m2 > 0),
    target_visitors   INTEGER CHECK (target_visitors >= 0),
    target_exhibitors INTEGER CHECK (target_exhibitors >= 0),
    target_organisations INTEGER CHECK (target_organisations >= 0),
    target_stands     INTEGER CHECK (target_stands >= 0),
    status            TEXT NOT NULL DEFAULT 'draft',
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    CHECK (ends_on >= starts_on)
);

CREATE INDEX editions_region_starts ON editions (region_code, starts_on);
CREATE INDEX editions_starts ON editions (starts_on);

-- An organisation is an exhibitor or applicant: a cooperative, association, GIE, etc.
CREATE TABLE organisations (
    id            INTEGER PRIMARY KEY,
    legal_form    TEXT NOT NULL,
    name_ar       TEXT NOT NULL,
    name_fr       TEXT NOT NULL DEFAULT '',
    name_zgh      TEXT NOT NULL DEFAULT '',
    province_code TEXT NOT NULL REFERENCES provinces (code),
    sector        TEXT NOT NULL,
    women_led     BOOLEAN NOT NULL DEFAULT FALSE,
    youth_led     BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);

CREATE INDEX organisations_province ON organisations (province_code);

-- +goose Down
DROP TABLE organisations;
DROP TABLE editions;
