-- 0002: documents stored inside the vault in chunks, and the full-text search index.
--
-- Conventions as in 0001: columns named like the dataclass fields of satchel.core.model,
-- UTC ISO-8601 times as text, `versions` as JSON ([["vault id", edits], ...]).

-- A document's bytes live in document_chunks, never in this row, so listing documents
-- never reads a file. `size` and `sha256` are recorded at intake and checked on every read
-- to the end. Every chunk but the last holds exactly `chunk_size` bytes, which is how a
-- reader finds the chunk for any offset without reading the ones before it.
CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    origin_vault  TEXT NOT NULL,
    versions      TEXT NOT NULL,
    case_id       TEXT REFERENCES cases (id) ON DELETE CASCADE,
    person_id     TEXT REFERENCES people (id) ON DELETE SET NULL,
    filename      TEXT NOT NULL,
    media_type    TEXT NOT NULL,
    size          INTEGER NOT NULL CHECK (size >= 0),
    sha256        TEXT NOT NULL,
    received      TEXT,
    source        TEXT NOT NULL,
    chunk_size    INTEGER NOT NULL CHECK (chunk_size > 0)
) STRICT;
CREATE INDEX documents_by_case ON documents (case_id, created_at, id);
CREATE INDEX documents_by_person ON documents (person_id, created_at, id)
    WHERE person_id IS NOT NULL;
CREATE INDEX documents_by_sha256 ON documents (sha256);

-- A rowid table (not WITHOUT ROWID): chunks are large, and SQLite keeps large rows best in
-- a table b-tree with overflow pages, reached through the small primary-key index.
CREATE TABLE document_chunks (
    document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL CHECK (seq >= 0),
    data         BLOB NOT NULL,
    PRIMARY KEY (document_id, seq)
) STRICT;

-- The search index: search_entries holds the text of each indexed record once (the FTS5
-- table below is "external content" over it, so the text is not stored twice), and it
-- answers "which entry is this record" and "every entry of this case" through ordinary
-- indexes, which an FTS5 table cannot do for its unindexed columns. Only
-- satchel.core.search writes these two tables and keeps them in step.
-- `folded` holds the matching keys (satchel.core.names.fold) of every word of title and
-- names, separated by spaces.
CREATE TABLE search_entries (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    case_id    TEXT,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    names      TEXT NOT NULL,
    folded     TEXT NOT NULL,
    UNIQUE (kind, record_id)
) STRICT;
CREATE INDEX search_entries_by_case ON search_entries (case_id) WHERE case_id IS NOT NULL;

-- remove_diacritics 2 makes ё match е and й match и in the raw columns, as Russian readers
-- expect; the 2- and 3-letter prefix indexes keep as-you-type prefix queries fast.
CREATE VIRTUAL TABLE search_fts USING fts5 (
    kind UNINDEXED,
    record_id UNINDEXED,
    case_id UNINDEXED,
    title,
    body,
    names,
    folded,
    content = 'search_entries',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- Deleting an entry removes its words from the index itself, not just marks them deleted
-- until the next merge: a record the lawyer deleted must leave no trace (the database
-- already overwrites freed pages with secure_delete).
INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1);
