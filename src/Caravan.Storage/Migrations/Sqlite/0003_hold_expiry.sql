-- migration: foreign_keys=OFF
-- Held bookings expire: a new status 'expired' and the time a hold expires (NULL on bookings held before this
-- version, which do not expire, and on bookings created without a hold duration).
--
-- SQLite cannot change a CHECK in place, so the bookings table is rebuilt the way the SQLite manual prescribes for
-- schema changes ALTER TABLE cannot make: with foreign keys off (the runner sets that outside the transaction, as the
-- first line of this script asks), create the new table, copy the rows, drop the old one, rename the new one, recreate
-- the indexes, and check the foreign keys before committing (the runner runs PRAGMA foreign_key_check and refuses to
-- commit on any violation). The tables referring to bookings keep their references by name, so they need no change.
-- Everything is one transaction: an interrupted migration leaves version 2 intact.

CREATE TABLE bookings_v3 (
    id                TEXT PRIMARY KEY,
    organisation_id   TEXT NOT NULL REFERENCES organisations (id),
    status            TEXT NOT NULL CHECK (status IN ('held', 'confirmed', 'cancelled', 'expired')),
    cargo_description TEXT NOT NULL,
    quoted_price      TEXT NOT NULL,
    currency          TEXT NOT NULL,
    reference         TEXT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    hold_expires_at   TEXT NULL
) STRICT;

INSERT INTO bookings_v3 (id, organisation_id, status, cargo_description, quoted_price, currency, reference, created_at, updated_at, hold_expires_at)
SELECT id, organisation_id, status, cargo_description, quoted_price, currency, reference, created_at, updated_at, NULL FROM bookings;

DROP TABLE bookings;
ALTER TABLE bookings_v3 RENAME TO bookings;

CREATE INDEX bookings_by_organisation ON bookings (organisation_id, id);
CREATE INDEX bookings_by_status ON bookings (status, id);
-- The sweeper's look-up of due holds: only held bookings with an expiry are in it.
CREATE INDEX bookings_hold_expiry ON bookings (hold_expires_at) WHERE status = 'held' AND hold_expires_at IS NOT NULL;
