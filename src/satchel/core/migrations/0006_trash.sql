-- 0006: the trash, tombstones (deletions that travel in bundles) and who made each change.
--
-- Deleting an event, note, document, person or case moves it to the trash: its row leaves
-- its table (so no list, search or agenda query can meet it) and its dict form, with what
-- linked to it, waits in `trash` until it is restored or the trash is emptied. Every
-- deleted record also leaves a tombstone: its id and version vector, no content, kept so
-- that a stale bundle can neither bring it back nor go unnoticed against a newer edit.

CREATE TABLE trash (
    record_id   TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    case_id     TEXT,
    label       TEXT NOT NULL,
    deleted_at  TEXT NOT NULL,
    deleted_by  TEXT NOT NULL,
    payload     TEXT NOT NULL
) STRICT;
CREATE INDEX trash_by_time ON trash (deleted_at DESC, record_id);

CREATE TABLE tombstones (
    record_id     TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    origin_vault  TEXT NOT NULL,
    versions      TEXT NOT NULL,
    deleted_at    TEXT NOT NULL
) STRICT;

-- The cases a deleted record belonged to (a person: the cases they had a role in), which
-- decide the bundles its tombstone travels in.
CREATE TABLE tombstone_cases (
    case_id    TEXT NOT NULL,
    record_id  TEXT NOT NULL REFERENCES tombstones (record_id) ON DELETE CASCADE,
    PRIMARY KEY (case_id, record_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX tombstone_cases_by_record ON tombstone_cases (record_id);

-- A trashed document keeps its encrypted chunks until the trash is emptied, so the chunks
-- may no longer vanish with the document's row: the table is rebuilt without the foreign
-- key (the document store deletes chunks itself, as it always did).
CREATE TABLE document_chunks_new (
    document_id  TEXT NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq >= 0),
    data         BLOB NOT NULL,
    PRIMARY KEY (document_id, seq)
) STRICT;
INSERT INTO document_chunks_new (document_id, seq, data)
    SELECT document_id, seq, data FROM document_chunks;
DROP TABLE document_chunks;
ALTER TABLE document_chunks_new RENAME TO document_chunks;

-- Who made a change: "" for this vault's own user, else the name of the colleague whose
-- bundle brought it (as their bundle signed it); and the case a line is about, so the log
-- can be read case by case. Lines written before keep "" for both.
ALTER TABLE audit ADD COLUMN actor TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN case_id TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_by_case ON audit (case_id, seq) WHERE case_id <> '';
