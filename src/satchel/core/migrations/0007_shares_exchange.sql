-- 0007: cases shared with colleagues as a standing arrangement, and the exchange folder.
--
-- A share says that a case goes to a colleague, again and again: each later bundle carries
-- only what changed since. `share_known` holds, per share and record, the version vector
-- the colleague is known to have (sent to them, or received from them); a record or a
-- tombstone whose vector moved since is sent again. No content: ids and vectors only.
-- `exchange_files` remembers the files of the exchange folder this vault wrote or looked
-- at (random names, no case data in them), so a file is examined once, a pending one waits
-- in Imports, and this vault's own outgoing files can be removed after some days.

CREATE TABLE shares (
    id                TEXT PRIMARY KEY,
    case_id           TEXT NOT NULL,
    colleague_id      TEXT NOT NULL REFERENCES colleagues (id) ON DELETE CASCADE,
    created_at        TEXT NOT NULL,
    last_sent_at      TEXT,
    last_received_at  TEXT,
    UNIQUE (case_id, colleague_id)
) STRICT;
CREATE INDEX shares_by_colleague ON shares (colleague_id);

CREATE TABLE share_known (
    share_id   TEXT NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
    record_id  TEXT NOT NULL,
    versions   TEXT NOT NULL,
    PRIMARY KEY (share_id, record_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE exchange_files (
    name                TEXT PRIMARY KEY,
    direction           TEXT NOT NULL CHECK (direction IN ('out', 'in')),
    size                INTEGER NOT NULL,
    mtime_ns            INTEGER NOT NULL,
    state               TEXT NOT NULL,
    sender_name         TEXT NOT NULL DEFAULT '',
    sender_fingerprint  TEXT NOT NULL DEFAULT '',
    colleague_id        TEXT,
    cases               TEXT NOT NULL DEFAULT '[]',
    detail              TEXT NOT NULL DEFAULT '',
    seen_at             TEXT NOT NULL
) STRICT;
