-- 0001: the records of the data model (cases, people, roles, events, notes, colleagues),
-- the append-only audit log and in-vault settings.
--
-- Conventions: every record table has the columns of its dataclass in satchel.core.model
-- under the same names; nested values (references, names, contacts, ...) are JSON text;
-- times are UTC ISO-8601 text with microseconds ("2025-08-14T10:30:00.000000+00:00"), which
-- sort as text; `versions` is the version vector as JSON ([["vault id", edits], ...]).
-- Columns ending in `_fold` are derived (Python casefold, which unlike SQLite's lower()
-- knows Cyrillic) and exist only for filtering.

CREATE TABLE cases (
    id            TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    origin_vault  TEXT NOT NULL,
    versions      TEXT NOT NULL,
    title         TEXT NOT NULL,
    case_type     TEXT NOT NULL,
    status        TEXT NOT NULL,
    risk          TEXT NOT NULL,
    jurisdiction  TEXT NOT NULL,
    authority     TEXT NOT NULL,
    summary       TEXT NOT NULL,
    "references"  TEXT NOT NULL,
    tags          TEXT NOT NULL,
    opened        TEXT,
    closed        TEXT,
    title_fold    TEXT NOT NULL,
    text_fold     TEXT NOT NULL
) STRICT;
CREATE INDEX cases_by_updated ON cases (updated_at DESC, id);
CREATE INDEX cases_by_title ON cases (title_fold, id);
CREATE INDEX cases_by_status ON cases (status, updated_at DESC);

-- Tags are also kept in cases.tags (in the user's order); this table answers "cases tagged X".
CREATE TABLE case_tags (
    case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    tag_fold  TEXT NOT NULL,
    PRIMARY KEY (case_id, tag_fold)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_tags_by_tag ON case_tags (tag_fold, case_id);

CREATE TABLE people (
    id            TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    origin_vault  TEXT NOT NULL,
    versions      TEXT NOT NULL,
    kind          TEXT NOT NULL,
    names         TEXT NOT NULL,
    birth_date    TEXT,
    citizenships  TEXT NOT NULL,
    documents     TEXT NOT NULL,
    contacts      TEXT NOT NULL,
    notes         TEXT NOT NULL,
    primary_fold  TEXT NOT NULL,
    names_fold    TEXT NOT NULL
) STRICT;
CREATE INDEX people_by_name ON people (primary_fold, id);

CREATE TABLE roles (
    id            TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    origin_vault  TEXT NOT NULL,
    versions      TEXT NOT NULL,
    case_id       TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    person_id     TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    note          TEXT NOT NULL
) STRICT;
CREATE INDEX roles_by_case ON roles (case_id);
CREATE INDEX roles_by_person ON roles (person_id);

-- An event's date is kept as its canonical text (FuzzyDate.__str__) and as integers: for
-- ordering, FuzzyDate.sort_key() (sort_undated, sort_lo, sort_rank); for range queries,
-- FuzzyDate.bounds() (sort_lo, sort_hi) in UTC seconds. A deadline is an event with
-- deadline_status set.
CREATE TABLE events (
    id               TEXT PRIMARY KEY,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    origin_vault     TEXT NOT NULL,
    versions         TEXT NOT NULL,
    case_id          TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    event_type       TEXT NOT NULL,
    title            TEXT NOT NULL,
    date_text        TEXT NOT NULL,
    precision        TEXT,
    sort_undated     INTEGER NOT NULL,
    sort_lo          INTEGER NOT NULL,
    sort_hi          INTEGER NOT NULL,
    sort_rank        INTEGER NOT NULL,
    day_order        INTEGER NOT NULL,
    description      TEXT NOT NULL,
    key_fact         INTEGER NOT NULL,
    source           TEXT NOT NULL,
    source_quote     TEXT NOT NULL,
    fact_status      TEXT NOT NULL,
    deadline_status  TEXT,
    lead_days        INTEGER,
    computed_from    TEXT,
    offset_days      INTEGER,
    text_fold        TEXT NOT NULL
) STRICT;
CREATE INDEX events_by_case_date ON events (case_id, sort_undated, sort_lo, sort_rank, day_order);
CREATE INDEX events_by_date ON events (sort_undated, sort_lo, sort_rank, day_order);
-- Deadlines only, in date order: the agenda reads this, not the whole chronology.
CREATE INDEX events_deadlines ON events (sort_undated, sort_lo, sort_rank, day_order)
    WHERE deadline_status IS NOT NULL;
CREATE INDEX events_by_source ON events (computed_from) WHERE computed_from IS NOT NULL;

CREATE TABLE event_people (
    event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_people_by_person ON event_people (person_id, event_id);

-- The one link between events and documents: Event.document_ids and Document.event_ids
-- are both read from here. No foreign key to documents, whose table comes in a later
-- migration; the document store removes its links when a document is deleted.
CREATE TABLE event_documents (
    event_id     TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    document_id  TEXT NOT NULL,
    PRIMARY KEY (event_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_documents_by_document ON event_documents (document_id, event_id);

CREATE TABLE notes (
    id            TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    origin_vault  TEXT NOT NULL,
    versions      TEXT NOT NULL,
    case_id       TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    written       TEXT NOT NULL,
    author        TEXT NOT NULL,
    body          TEXT NOT NULL,
    format        TEXT NOT NULL
) STRICT;
CREATE INDEX notes_by_case ON notes (case_id, written DESC);

CREATE TABLE colleagues (
    id                    TEXT PRIMARY KEY,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    origin_vault          TEXT NOT NULL,
    versions              TEXT NOT NULL,
    name                  TEXT NOT NULL,
    age_recipient         TEXT NOT NULL,
    signing_key           TEXT NOT NULL UNIQUE,
    verification          TEXT NOT NULL,
    previous_fingerprint  TEXT NOT NULL
) STRICT;

-- Append-only: the triggers below refuse to change or remove a line. They guard against
-- accidents and bugs, not against an attacker: whoever holds the key can drop a trigger.
CREATE TABLE audit (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TEXT NOT NULL,
    action       TEXT NOT NULL,
    record_kind  TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    summary      TEXT NOT NULL
) STRICT;
CREATE INDEX audit_by_record ON audit (record_id, seq);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
