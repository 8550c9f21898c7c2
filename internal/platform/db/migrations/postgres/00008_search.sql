-- +goose Up
-- Search over organisations and products (see internal/store/search.go for the design).
-- search_docs holds one row per searchable record, with what a result list shows and what
-- filters test, so a search reads no other table. doc_id is the record's id times two, plus
-- one for products: stable, unique across kinds, and known without a lookup.
CREATE TABLE search_docs (
    doc_id          BIGINT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('organisation', 'product')),
    ref_id          BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    name_ar         TEXT NOT NULL,
    name_fr         TEXT NOT NULL DEFAULT '',
    name_zgh        TEXT NOT NULL DEFAULT '',
    sort_key        TEXT COLLATE "C" NOT NULL,
    province_code   TEXT NOT NULL,
    region_code     TEXT NOT NULL,
    sector          TEXT NOT NULL,
    category        TEXT NOT NULL DEFAULT '',
    legal_form      TEXT NOT NULL,
    women_led       BOOLEAN NOT NULL,
    youth_led       BOOLEAN NOT NULL,
    status          TEXT NOT NULL,
    price_min       BIGINT NOT NULL DEFAULT 0,
    price_max       BIGINT NOT NULL DEFAULT 0,
    unit            TEXT NOT NULL DEFAULT '',
    available       BOOLEAN NOT NULL DEFAULT TRUE,
    org_name_ar     TEXT NOT NULL DEFAULT '',
    org_name_fr     TEXT NOT NULL DEFAULT '',
    -- The folded words of the document (names, body and filter tags: "§s" + sector,
    -- "§r" + region…; "§" never survives textfold, so a typed word cannot match a tag),
    -- and those of the record's own names alone. Built by the store from textfold's words
    -- (not by a text-search parser), so both engines see the same words.
    tsv             TSVECTOR NOT NULL,
    names_tsv       TSVECTOR NOT NULL
);
CREATE INDEX search_docs_sort ON search_docs (sort_key, kind, ref_id);
CREATE INDEX search_docs_kind_sort ON search_docs (kind, sort_key, ref_id);
CREATE INDEX search_docs_organisation ON search_docs (organisation_id);
CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv);
CREATE INDEX search_docs_names_tsv ON search_docs USING gin (names_tsv);

-- The vocabulary: every word of every document. Queries look up misspelt and partial
-- words here, then search for the words found.
CREATE TABLE search_terms (
    term TEXT COLLATE "C" PRIMARY KEY
);
-- Words one typo away: each word under itself and each form with one letter deleted.
CREATE TABLE search_term_keys (
    key  TEXT COLLATE "C" NOT NULL,
    term TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (key, term)
);

-- Substrings of words ("امل" in "الامل") are found with LIKE, which pg_trgm indexes. The
-- extension belongs to the database, not to a schema: it is created in public when
-- missing (pg_trgm is a trusted extension: the database owner may create it), and the
-- index names its operator class in whichever schema holds it, so this works whatever
-- the search_path (tests run in their own schema). Without pg_trgm, search still works:
-- LIKE then scans the vocabulary, which is small.
-- +goose StatementBegin
DO $$
DECLARE
    nsp text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION pg_trgm SCHEMA public;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'pg_trgm is not available (%): partial-word search will scan the vocabulary', SQLERRM;
        END;
    END IF;
    SELECT n.nspname INTO nsp FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    IF nsp IS NOT NULL THEN
        EXECUTE format('CREATE INDEX search_terms_trgm ON search_terms USING gin (term %I.gin_trgm_ops)', nsp);
    END IF;
END
$$;
-- +goose StatementEnd

-- What the index was built with (the label source and the indexing version), so that
-- EnsureSearchIndex rebuilds it only when that changes.
CREATE TABLE search_meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- +goose Down
DROP TABLE search_meta;
DROP TABLE search_term_keys;
DROP TABLE search_terms;
DROP TABLE search_docs;
