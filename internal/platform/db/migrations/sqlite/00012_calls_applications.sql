-- +goose Up
-- An edition's call for applications. Its rules (who may apply, documents, questions,
-- criteria, quotas) are one JSON document: they are read and written whole, with the call.
CREATE TABLE calls (
    edition_id     INTEGER PRIMARY KEY REFERENCES editions (id) ON DELETE CASCADE,
    opens_at       TIMESTAMP NOT NULL,
    closes_at      TIMESTAMP NOT NULL,
    stands         INTEGER NOT NULL DEFAULT 0 CHECK (stands >= 0),
    reviewers_each INTEGER NOT NULL DEFAULT 2 CHECK (reviewers_each BETWEEN 1 AND 9),
    rules          TEXT NOT NULL,
    last_reference INTEGER NOT NULL DEFAULT 0,
    updated_at     TIMESTAMP NOT NULL,
    CHECK (closes_at > opens_at)
);

-- One organisation applies once to an edition.
CREATE TABLE applications (
    id                 INTEGER PRIMARY KEY,
    edition_id         INTEGER NOT NULL REFERENCES editions (id),
    organisation_id    INTEGER NOT NULL REFERENCES organisations (id),
    reference          TEXT UNIQUE,
    status             TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'withdrawn')),
    answers            TEXT NOT NULL DEFAULT '{}',
    eligibility        TEXT NOT NULL DEFAULT 'unchecked' CHECK (eligibility IN ('unchecked', 'eligible', 'ineligible')),
    eligibility_reason TEXT NOT NULL DEFAULT '',
    submitted_at       TIMESTAMP,
    withdrawn_at       TIMESTAMP,
    created_at         TIMESTAMP NOT NULL,
    updated_at         TIMESTAMP NOT NULL,
    UNIQUE (edition_id, organisation_id)
);

CREATE INDEX applications_edition_status ON applications (edition_id, status);
CREATE INDEX applications_organisation ON applications (organisation_id);

-- Supporting documents, kept private: they are served only to the applicant and the
-- edition's organisers and reviewers.
CREATE TABLE application_documents (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    filename       TEXT NOT NULL,
    content_type   TEXT NOT NULL,
    size           INTEGER NOT NULL,
    data           BLOB NOT NULL,
    created_at     TIMESTAMP NOT NULL
);

CREATE INDEX application_documents_application ON application_documents (application_id);

-- A reviewer's scores of an application, or their declared conflict of interest.
CREATE TABLE reviews (
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    reviewer_id    INTEGER NOT NULL REFERENCES users (id),
    scores         TEXT NOT NULL DEFAULT '{}',
    comment        TEXT NOT NULL DEFAULT '',
    conflict       BOOLEAN NOT NULL DEFAULT FALSE,
    assigned_at    TIMESTAMP NOT NULL,
    submitted_at   TIMESTAMP,
    PRIMARY KEY (application_id, reviewer_id)
);

CREATE INDEX reviews_reviewer ON reviews (reviewer_id);

-- +goose Down
DROP TABLE reviews;
DROP TABLE application_documents;
DROP TABLE applications;
DROP TABLE calls;
