-- +goose Up
-- Representatives choose whether the public catalogue shows the address and the website
-- and social links, as they already do for the phone and the email. Links were always
-- shown until now, so existing records keep showing them; the address was never shown.
ALTER TABLE organisations ADD COLUMN address_public BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE organisations ADD COLUMN links_public BOOLEAN NOT NULL DEFAULT TRUE;

-- +goose Down
ALTER TABLE organisations DROP COLUMN links_public;
ALTER TABLE organisations DROP COLUMN address_public;
