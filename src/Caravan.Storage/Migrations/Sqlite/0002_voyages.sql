-- Voyages of sail-when-full vessels. A voyage is a departure row: the same capacity, holds and CHECKs keep it from
-- being overbooked. Its departs_at is the time it opens for loading (so its id is SERVICE@OPENS-AT) and
-- latest_departure the time it sails at the latest (opens + the service's maximum wait); NULL on scheduled departures.
-- Times are fixed-width UTC text, so text order is time order.
ALTER TABLE departures ADD COLUMN latest_departure TEXT NULL CHECK (latest_departure IS NULL OR latest_departure >= departs_at);
CREATE INDEX departures_voyages ON departures (service_id, latest_departure) WHERE latest_departure IS NOT NULL;

-- On a voyage leg: when the cargo is at the boarding stop, ready to load. A full voyage sails when the last of its
-- cargo is ready; the others at their latest departure. NULL on scheduled legs.
ALTER TABLE booking_legs ADD COLUMN ready_at TEXT NULL;
