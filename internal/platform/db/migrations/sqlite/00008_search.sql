-- +goose Up
-- Search over organisations and products (see internal/store/search.go for the design).
-- search_docs holds one row per searchable record, with what a result list shows and what
-- filters test, so a search reads no other table. doc_id is the record's id times two, plus
-- one for products: stable, unique across kinds, and known without a lookup.
CREATE TABLE search_docs (
    doc_id          INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('organisation', 'product')),
    ref_id          INTEGER NOT NULL,
    organisation_id INTEGER NOT NULL,
    name_ar         TEXT NOT NULL,
    name_fr         TEXT NOT NULL DEFAULT '',
    name_zgh        TEXT NOT NULL DEFAULT '',
    sort_key        TEXT NOT NULL,
    province_code   TEXT NOT NULL,
    region_code     TEXT NOT NULL,
    sector          TEXT NOT NULL,
    category        TEXT NOT NULL DEFAULT '',
    legal_form      TEXT NOT NULL,
    women_led       BOOLEAN NOT NULL,
    youth_led       BOOLEAN NOT NULL,
    status          TEXT NOT NULL,
    price_min       INTEGER NOT NULL DEFAULT 0,
    price_max       INTEGER NOT NULL DEFAULT 0,
    unit            TEXT NOT NULL DEFAULT '',
    available       BOOLEAN NOT NULL DEFAULT TRUE,
    org_name_ar     TEXT NOT NULL DEFAULT '',
    org_name_fr     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX search_docs_sort ON search_docs (sort_key, kind, ref_id);
CREATE INDEX search_docs_kind_sort ON search_docs (kind, sort_key, ref_id);
CREATE INDEX search_docs_organisation ON search_docs (organisation_id);

-- The folded words of each document: names (the record's own names), body (everything
-- else it is found by) and tags (one word per filter value: "§s" + sector, "§r" + region…;
-- "§" never survives textfold, so a typed word cannot match a tag). Text is folded and
-- split by textfold before it gets here, so the ascii tokenizer (which splits on ASCII
-- spaces and punctuation only and keeps every other character in words) sees exactly
-- textfold's words. detail=column: queries are single words, never phrases, so positions
-- are not kept. Contentless: search_docs shows results.
CREATE VIRTUAL TABLE search_fts USING fts5(
    names, body, tags,
    tokenize = 'ascii', detail = column, prefix = '2 3',
    content = '', contentless_delete = 1
);

-- The vocabulary: every word of every document (new words are added as documents are
-- written; Reindex rebuilds it). Queries look up misspelt and partial words here, then
-- search for the words found.
CREATE TABLE search_terms (
    id   INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE
);
-- Substrings of words ("امل" in "الامل"), by trigram.
CREATE VIRTUAL TABLE search_terms_trgm USING fts5(term, tokenize = 'trigram');
-- +goose StatementBegin
CREATE TRIGGER search_terms_trgm_insert AFTER INSERT ON search_terms BEGIN
    INSERT INTO search_terms_trgm (rowid, term) VALUES (new.id, new.term);
END;
-- +goose StatementEnd
-- Words one typo away: each word under itself and each form with one letter deleted.
CREATE TABLE search_term_keys (
    key  TEXT NOT NULL,
    term TEXT NOT NULL,
    PRIMARY KEY (key, term)
) WITHOUT ROWID;

-- What the index was built with (the label source and the indexing version), so that
-- EnsureSearchIndex rebuilds it only when that changes.
CREATE TABLE search_meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- +goose Down
DROP TABLE search_meta;
DROP TABLE search_term_keys;
DROP TRIGGER search_terms_trgm_insert;
DROP TABLE search_terms_trgm;
DROP TABLE search_terms;
DROP TABLE search_fts;
DROP TABLE search_docs;
