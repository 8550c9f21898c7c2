-- +goose Up
-- People who sign in. A user is reached by email and/or a Moroccan mobile number (E.164);
-- an invited user has no password until they accept the invitation.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    email         TEXT UNIQUE,
    phone         TEXT UNIQUE,
    lang          TEXT NOT NULL DEFAULT 'ar',
    password_hash TEXT NOT NULL DEFAULT '',
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    CHECK (email IS NOT NULL OR phone IS NOT NULL)
);

-- What a user may do and where: one row per role and scope. The scope column that applies
-- depends on the role (region for organisers and partners, edition for reviewers and field
-- agents, organisation for exhibitor representatives, none for admins).
CREATE TABLE grants (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'organiser', 'reviewer', 'field_agent', 'exhibitor', 'partner')),
    region_code     TEXT REFERENCES regions (code),
    edition_id      INTEGER REFERENCES editions (id),
    organisation_id INTEGER REFERENCES organisations (id),
    created_at      TIMESTAMP NOT NULL,
    UNIQUE (user_id, role, region_code, edition_id, organisation_id)
);

CREATE INDEX grants_user ON grants (user_id);
CREATE INDEX grants_region ON grants (region_code);

-- One-time links (invitations, password resets). Only a hash of the token is kept, so a
-- copy of the database gives no usable link.
CREATE TABLE user_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX user_tokens_user ON user_tokens (user_id);

-- Web sessions, shared by every aswaq process on the same database. The key is a hash of
-- the cookie's token.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    data       BLOB NOT NULL,
    expiry     TIMESTAMP NOT NULL
);

CREATE INDEX sessions_expiry ON sessions (expiry);

-- +goose Down
DROP TABLE sessions;
DROP TABLE user_tokens;
DROP TABLE grants;
DROP TABLE users;
