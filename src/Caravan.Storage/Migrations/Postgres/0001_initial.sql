-- Caravan booking store, PostgreSQL. Quantities and capacities are bigint millionths of a unit (exact sums);
-- ids use the "C" collation so database order is ordinal order (keyset paging compares ids).

CREATE TABLE organisations (
    id             text COLLATE "C" PRIMARY KEY,
    name           text NOT NULL,
    role           text NOT NULL CHECK (role IN ('shipper', 'operator', 'admin')),
    created_at     timestamptz NOT NULL,
    created_by_org text NOT NULL,
    created_by_key text NOT NULL
);

-- The carriers or operators (as named in the network's services) an operator organisation runs, in the given order.
CREATE TABLE organisation_carriers (
    organisation_id text COLLATE "C" NOT NULL REFERENCES organisations (id),
    position        integer NOT NULL,
    carrier         text NOT NULL,
    PRIMARY KEY (organisation_id, position)
);

-- Only a per-key salt and HMAC-SHA-256(salt, secret) are kept; the secret is shown once.
CREATE TABLE api_keys (
    id              text COLLATE "C" PRIMARY KEY,
    organisation_id text COLLATE "C" NOT NULL REFERENCES organisations (id),
    prefix          text NOT NULL,
    salt            bytea NOT NULL,
    secret_hash     bytea NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by_org  text NOT NULL,
    created_by_key  text NOT NULL,
    revoked_at      timestamptz NULL,
    revoked_by_org  text NULL,
    revoked_by_key  text NULL
);
CREATE INDEX api_keys_by_organisation ON api_keys (organisation_id);

-- One row per departure that was ever written; a missing one has the network's default capacity and holds nothing.
-- The CHECKs are a second line of defence: the conditional UPDATEs never hold beyond capacity, and if a bug tried,
-- the database would refuse the write instead of overbooking.
CREATE TABLE departures (
    id                    text COLLATE "C" PRIMARY KEY,
    service_id            text NOT NULL,
    departs_at            timestamptz NOT NULL,
    capacity_teu_micro    bigint NULL CHECK (capacity_teu_micro >= 0),
    capacity_wagons_micro bigint NULL CHECK (capacity_wagons_micro >= 0),
    capacity_tonnes_micro bigint NULL CHECK (capacity_tonnes_micro >= 0),
    held_teu_micro        bigint NOT NULL DEFAULT 0 CHECK (held_teu_micro >= 0),
    held_wagons_micro     bigint NOT NULL DEFAULT 0 CHECK (held_wagons_micro >= 0),
    held_tonnes_micro     bigint NOT NULL DEFAULT 0 CHECK (held_tonnes_micro >= 0),
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    updated_by_org        text NOT NULL,
    updated_by_key        text NOT NULL,
    CHECK (capacity_teu_micro IS NULL OR held_teu_micro <= capacity_teu_micro),
    CHECK (capacity_wagons_micro IS NULL OR held_wagons_micro <= capacity_wagons_micro),
    CHECK (capacity_tonnes_micro IS NULL OR held_tonnes_micro <= capacity_tonnes_micro)
);
CREATE INDEX departures_by_service ON departures (service_id, departs_at);

CREATE TABLE bookings (
    id                text COLLATE "C" PRIMARY KEY,
    organisation_id   text COLLATE "C" NOT NULL REFERENCES organisations (id),
    status            text NOT NULL CHECK (status IN ('held', 'confirmed', 'cancelled')),
    cargo_description text NOT NULL,
    quoted_price      numeric NOT NULL,
    currency          text NOT NULL,
    reference         text NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX bookings_by_organisation ON bookings (organisation_id, id);
CREATE INDEX bookings_by_status ON bookings (status, id);

CREATE TABLE booking_legs (
    booking_id             text COLLATE "C" NOT NULL REFERENCES bookings (id),
    leg_index              integer NOT NULL,
    departure_id           text COLLATE "C" NOT NULL REFERENCES departures (id),
    service_id             text NOT NULL,
    departs_at             timestamptz NOT NULL,
    from_node              text NOT NULL,
    to_node                text NOT NULL,
    quantity_teu_micro     bigint NULL CHECK (quantity_teu_micro >= 0),
    quantity_wagons_micro  bigint NULL CHECK (quantity_wagons_micro >= 0),
    quantity_tonnes_micro  bigint NULL CHECK (quantity_tonnes_micro >= 0),
    default_teu_micro      bigint NULL,
    default_wagons_micro   bigint NULL,
    default_tonnes_micro   bigint NULL,
    carrier                text NULL,
    operator               text NULL,
    PRIMARY KEY (booking_id, leg_index)
);
CREATE INDEX booking_legs_by_departure ON booking_legs (departure_id);
CREATE INDEX booking_legs_by_service ON booking_legs (service_id, booking_id);
CREATE INDEX booking_legs_by_carrier ON booking_legs (carrier, booking_id);
CREATE INDEX booking_legs_by_operator ON booking_legs (operator, booking_id);

-- History: sequence numbers count 1, 2, 3 … per booking; the booking row is locked while one is added.
CREATE TABLE booking_events (
    booking_id text COLLATE "C" NOT NULL REFERENCES bookings (id),
    sequence   bigint NOT NULL,
    actor_org  text NOT NULL,
    actor_key  text NOT NULL,
    action     text NOT NULL,
    detail     text NULL,
    at         timestamptz NOT NULL,
    PRIMARY KEY (booking_id, sequence)
);

-- The row is inserted first thing in the booking transaction (before the booking exists, hence the deferred
-- foreign key): a concurrent request with the same key waits on it and then sees the committed booking.
CREATE TABLE idempotency (
    organisation_id text COLLATE "C" NOT NULL REFERENCES organisations (id),
    idempotency_key text NOT NULL,
    booking_id      text COLLATE "C" NOT NULL REFERENCES bookings (id) DEFERRABLE INITIALLY DEFERRED,
    request_hash    text NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, idempotency_key)
);
