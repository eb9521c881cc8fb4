-- Caravan booking store, SQLite. Quantities and capacities are INTEGER millionths of a unit (exact sums);
-- times are TEXT "yyyy-MM-ddTHH:mm:ss.ffffffZ" (sorts like time); prices TEXT (exact decimals). STRICT tables
-- refuse a value of the wrong type instead of converting it.

CREATE TABLE organisations (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('shipper', 'operator', 'admin')),
    created_at     TEXT NOT NULL,
    created_by_org TEXT NOT NULL,
    created_by_key TEXT NOT NULL
) STRICT;

-- The carriers or operators (as named in the network's services) an operator organisation runs, in the given order.
CREATE TABLE organisation_carriers (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    position        INTEGER NOT NULL,
    carrier         TEXT NOT NULL,
    PRIMARY KEY (organisation_id, position)
) STRICT;

-- Only a per-key salt and HMAC-SHA-256(salt, secret) are kept; the secret is shown once.
CREATE TABLE api_keys (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    prefix          TEXT NOT NULL,
    salt            BLOB NOT NULL,
    secret_hash     BLOB NOT NULL,
    created_at      TEXT NOT NULL,
    created_by_org  TEXT NOT NULL,
    created_by_key  TEXT NOT NULL,
    revoked_at      TEXT NULL,
    revoked_by_org  TEXT NULL,
    revoked_by_key  TEXT NULL
) STRICT;
CREATE INDEX api_keys_by_organisation ON api_keys (organisation_id);

-- One row per departure that was ever written; a missing one has the network's default capacity and holds nothing.
-- The CHECKs are a second line of defence: the conditional UPDATEs never hold beyond capacity, and if a bug tried,
-- the database would refuse the write instead of overbooking.
CREATE TABLE departures (
    id                    TEXT PRIMARY KEY,
    service_id            TEXT NOT NULL,
    departs_at            TEXT NOT NULL,
    capacity_teu_micro    INTEGER NULL CHECK (capacity_teu_micro >= 0),
    capacity_wagons_micro INTEGER NULL CHECK (capacity_wagons_micro >= 0),
    capacity_tonnes_micro INTEGER NULL CHECK (capacity_tonnes_micro >= 0),
    held_teu_micro        INTEGER NOT NULL DEFAULT 0 CHECK (held_teu_micro >= 0),
    held_wagons_micro     INTEGER NOT NULL DEFAULT 0 CHECK (held_wagons_micro >= 0),
    held_tonnes_micro     INTEGER NOT NULL DEFAULT 0 CHECK (held_tonnes_micro >= 0),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    updated_by_org        TEXT NOT NULL,
    updated_by_key        TEXT NOT NULL,
    CHECK (capacity_teu_micro IS NULL OR held_teu_micro <= capacity_teu_micro),
    CHECK (capacity_wagons_micro IS NULL OR held_wagons_micro <= capacity_wagons_micro),
    CHECK (capacity_tonnes_micro IS NULL OR held_tonnes_micro <= capacity_tonnes_micro)
) STRICT;
CREATE INDEX departures_by_service ON departures (service_id, departs_at);

CREATE TABLE bookings (
    id                TEXT PRIMARY KEY,
    organisation_id   TEXT NOT NULL REFERENCES organisations (id),
    status            TEXT NOT NULL CHECK (status IN ('held', 'confirmed', 'cancelled')),
    cargo_description TEXT NOT NULL,
    quoted_price      TEXT NOT NULL,
    currency          TEXT NOT NULL,
    reference         TEXT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX bookings_by_organisation ON bookings (organisation_id, id);
CREATE INDEX bookings_by_status ON bookings (status, id);

CREATE TABLE booking_legs (
    booking_id             TEXT NOT NULL REFERENCES bookings (id),
    leg_index              INTEGER NOT NULL,
    departure_id           TEXT NOT NULL REFERENCES departures (id),
    service_id             TEXT NOT NULL,
    departs_at             TEXT NOT NULL,
    from_node              TEXT NOT NULL,
    to_node                TEXT NOT NULL,
    quantity_teu_micro     INTEGER NULL CHECK (quantity_teu_micro >= 0),
    quantity_wagons_micro  INTEGER NULL CHECK (quantity_wagons_micro >= 0),
    quantity_tonnes_micro  INTEGER NULL CHECK (quantity_tonnes_micro >= 0),
    default_teu_micro      INTEGER NULL,
    default_wagons_micro   INTEGER NULL,
    default_tonnes_micro   INTEGER NULL,
    carrier                TEXT NULL,
    operator               TEXT NULL,
    PRIMARY KEY (booking_id, leg_index)
) STRICT;
CREATE INDEX booking_legs_by_departure ON booking_legs (departure_id);
CREATE INDEX booking_legs_by_service ON booking_legs (service_id, booking_id);
CREATE INDEX booking_legs_by_carrier ON booking_legs (carrier, booking_id);
CREATE INDEX booking_legs_by_operator ON booking_legs (operator, booking_id);

-- History: sequence numbers count 1, 2, 3 … per booking; the booking row is locked while one is added.
CREATE TABLE booking_events (
    booking_id TEXT NOT NULL REFERENCES bookings (id),
    sequence   INTEGER NOT NULL,
    actor_org  TEXT NOT NULL,
    actor_key  TEXT NOT NULL,
    action     TEXT NOT NULL,
    detail     TEXT NULL,
    at         TEXT NOT NULL,
    PRIMARY KEY (booking_id, sequence)
) STRICT;

-- The row is inserted first thing in the booking transaction (before the booking exists, hence the deferred
-- foreign key): a concurrent request with the same key waits on it and then sees the committed booking.
CREATE TABLE idempotency (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    idempotency_key TEXT NOT NULL,
    booking_id      TEXT NOT NULL REFERENCES bookings (id) DEFERRABLE INITIALLY DEFERRED,
    request_hash    TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (organisation_id, idempotency_key)
) STRICT;
