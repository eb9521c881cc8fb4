-- Held bookings expire: a new status 'expired' and the time a hold expires (NULL on bookings held before this
-- version, which do not expire, and on bookings created without a hold duration). PostgreSQL changes a CHECK in
-- place: the inline CHECK of 0001 got the default name bookings_status_check. Widening it cannot fail on old rows.
ALTER TABLE bookings DROP CONSTRAINT bookings_status_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_status_check CHECK (status IN ('held', 'confirmed', 'cancelled', 'expired'));
ALTER TABLE bookings ADD COLUMN hold_expires_at timestamptz NULL;

-- The sweeper's look-up of due holds: only held bookings with an expiry are in it.
CREATE INDEX bookings_hold_expiry ON bookings (hold_expires_at) WHERE status = 'held' AND hold_expires_at IS NOT NULL;
