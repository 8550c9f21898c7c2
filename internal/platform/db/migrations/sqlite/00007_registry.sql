-- +goose Up
-- The producers' registry: every fact about an organisation, its products and its photos.
ALTER TABLE organisations ADD COLUMN ice TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN register_number TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN register_court TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN receipt_number TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN receipt_date DATE;
ALTER TABLE organisations ADD COLUMN founded_on DATE;
ALTER TABLE organisations ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN whatsapp BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE organisations ADD COLUMN phone2 TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN website TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN facebook TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN instagram TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN phone_public BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE organisations ADD COLUMN email_public BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE organisations ADD COLUMN members_women INTEGER NOT NULL DEFAULT 0 CHECK (members_women >= 0);
ALTER TABLE organisations ADD COLUMN members_men INTEGER NOT NULL DEFAULT 0 CHECK (members_men >= 0);
ALTER TABLE organisations ADD COLUMN members_under35 INTEGER NOT NULL DEFAULT 0 CHECK (members_under35 >= 0);
ALTER TABLE organisations ADD COLUMN food_safety_no TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN description_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN description_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN description_zgh TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN status TEXT NOT NULL DEFAULT 'validated' CHECK (status IN ('pending', 'validated'));
ALTER TABLE organisations ADD COLUMN merged_into INTEGER REFERENCES organisations (id);
-- name_key is the folded Arabic name, to find likely duplicates in one province.
ALTER TABLE organisations ADD COLUMN name_key TEXT NOT NULL DEFAULT '';

CREATE INDEX organisations_ice ON organisations (ice) WHERE ice <> '';
CREATE INDEX organisations_register ON organisations (legal_form, register_number) WHERE register_number <> '';
CREATE INDEX organisations_receipt ON organisations (receipt_number) WHERE receipt_number <> '';
CREATE INDEX organisations_name_key ON organisations (province_code, name_key);

CREATE TABLE organisation_categories (
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    category        TEXT NOT NULL,
    PRIMARY KEY (organisation_id, category)
);
CREATE INDEX organisation_categories_category ON organisation_categories (category);

CREATE TABLE organisation_programmes (
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    programme       TEXT NOT NULL,
    PRIMARY KEY (organisation_id, programme)
);

-- Products an organisation sells. Prices are in centimes of a dirham; a range when
-- price_max is above price_min.
CREATE TABLE products (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    name_ar         TEXT NOT NULL,
    name_fr         TEXT NOT NULL DEFAULT '',
    category        TEXT NOT NULL,
    description_ar  TEXT NOT NULL DEFAULT '',
    description_fr  TEXT NOT NULL DEFAULT '',
    price_min       INTEGER CHECK (price_min >= 0),
    price_max       INTEGER CHECK (price_max >= 0),
    unit            TEXT NOT NULL DEFAULT '',
    available       BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    CHECK (price_max IS NULL OR price_min IS NULL OR price_max >= price_min)
);
CREATE INDEX products_organisation ON products (organisation_id);
CREATE INDEX products_category ON products (category);

-- Photos of organisations and products. The image files themselves (one per rendition)
-- are kept in media, so that every aswaq process serves them from the database.
CREATE TABLE photos (
    id         INTEGER PRIMARY KEY,
    owner_type TEXT NOT NULL CHECK (owner_type IN ('organisation', 'product')),
    owner_id   INTEGER NOT NULL,
    position   INTEGER NOT NULL DEFAULT 0,
    hash       TEXT NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    thumb      TEXT NOT NULL,
    medium     TEXT NOT NULL,
    large      TEXT NOT NULL,
    alt_ar     TEXT NOT NULL DEFAULT '',
    alt_fr     TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX photos_owner ON photos (owner_type, owner_id, position);

CREATE TABLE media (
    name         TEXT PRIMARY KEY,
    content_type TEXT NOT NULL,
    data         BLOB NOT NULL,
    created_at   TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE media;
DROP TABLE photos;
DROP TABLE products;
DROP TABLE organisation_programmes;
DROP TABLE organisation_categories;
DROP INDEX organisations_name_key;
DROP INDEX organisations_receipt;
DROP INDEX organisations_register;
DROP INDEX organisations_ice;
