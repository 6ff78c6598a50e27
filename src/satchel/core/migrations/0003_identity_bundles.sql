-- 0003: this vault's own identity (the secret keys bundles are opened and signed with) and
-- the conflicts bundle import keeps for review.
--
-- The identity's secret halves live only here, inside the encrypted database: never in
-- settings files, never in a key file next to the vault. At most one row (slot = 1).
CREATE TABLE identity (
    slot          INTEGER PRIMARY KEY CHECK (slot = 1),
    name          TEXT NOT NULL,
    age_secret    TEXT NOT NULL,
    signing_seed  BLOB NOT NULL CHECK (length(signing_seed) = 32),
    created_at    TEXT NOT NULL
) STRICT;

-- A record changed on both sides (neither version vector dominates the other): the local
-- record stays as it is and the incoming one waits here, in its dict form (records.to_dict),
-- until the user keeps one, takes the other or merges them. The same incoming version
-- arriving twice (a bundle imported again) is one conflict, not two.
CREATE TABLE conflicts (
    id                  TEXT PRIMARY KEY,
    kind                TEXT NOT NULL,
    record_id           TEXT NOT NULL,
    incoming            TEXT NOT NULL,
    incoming_versions   TEXT NOT NULL,
    sender_name         TEXT NOT NULL,
    sender_fingerprint  TEXT NOT NULL,
    bundle_created_at   TEXT NOT NULL,
    received_at         TEXT NOT NULL,
    UNIQUE (record_id, incoming_versions)
) STRICT;
CREATE INDEX conflicts_by_record ON conflicts (record_id);
