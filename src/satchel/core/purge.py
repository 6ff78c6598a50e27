"""Removing cases from a vault without a trace inside it (travel mode, bundle/travel.py).

Unlike `store.delete`, which keeps an audit line of the deletion (and, where the vault has
one, puts the record in the trash), a purge leaves nothing that names what was removed:
the records and everything that cascades from them, their search entries (then FTS5
rebuilds its index from what remains, so no old segment keeps their words), every audit
line of their ids or quoting their titles and names, the conflicts kept for them, drafts
and trash entries that hold them, and settings that point at them. secure_delete zeroes
the freed pages; the caller then copies the database into a fresh file under a new key
(Vault.rewrite_under_new_key), so not even a free page of the old file survives.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlcipher3.dbapi2 as sqlite

    from satchel.core.vault import Vault

__all__ = ["Leaving", "leaving", "purge"]

_AUDIT_GUARD = """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END"""


@dataclass(frozen=True)
class Leaving:
    """The ids of every record that leaves with the cases, and the words that name them."""

    cases: tuple[str, ...]
    people: tuple[str, ...]
    children: tuple[str, ...]  # roles, events, notes, documents of the cases
    words: tuple[str, ...]  # case titles and people's names, to find quoting audit lines

    @property
    def all_ids(self) -> tuple[str, ...]:
        return (*self.cases, *self.people, *self.children)


def _ids(conn: sqlite.Connection, sql: str, params: Sequence[str]) -> list[str]:
    return [str(r[0]) for r in conn.execute(sql, tuple(params))]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def leaving(vault: Vault, carried: Iterable[str]) -> Leaving:
    """What leaves when only the cases `carried` (full ids) stay: every other case, its
    records, and the people who appear in no carried case (nor hold a document of their
    own, outside any case)."""
    conn = vault.connection
    keep = list(dict.fromkeys(carried))
    cases = _ids(conn, f"SELECT id FROM cases WHERE id NOT IN ({_marks(len(keep))}) "
                 "ORDER BY id", keep)  # fmt: skip
    q = _marks(len(cases))
    children: list[str] = []
    for table in ("roles", "events", "notes", "documents"):
        children += _ids(conn, f"SELECT id FROM {table} WHERE case_id IN ({q})", cases)

    def people_of(case_ids: list[str]) -> set[str]:
        m = _marks(len(case_ids))
        found = set(_ids(conn, f"SELECT person_id FROM roles WHERE case_id IN ({m})", case_ids))
        found |= set(_ids(conn, "SELECT ep.person_id FROM event_people ep JOIN events e "
                          f"ON e.id = ep.event_id WHERE e.case_id IN ({m})", case_ids))  # fmt: skip
        found |= set(_ids(conn, "SELECT person_id FROM documents WHERE person_id IS NOT NULL "
                          f"AND case_id IN ({m})", case_ids))  # fmt: skip
        return found

    # A document kept for a person alone (no case) travels in no bundle: its person stays,
    # or the link would be lost for good.
    own_documents = set(_ids(conn, "SELECT person_id FROM documents WHERE case_id IS NULL "
                             "AND person_id IS NOT NULL", []))  # fmt: skip
    people = sorted(people_of(cases) - people_of(keep) - own_documents)
    words: list[str] = []
    for cid in cases:
        words.append(vault.cases.get(cid).title)
    for pid in people:
        words.append(vault.people.get(pid).primary_name)
    return Leaving(tuple(cases), tuple(people), tuple(children),
                   tuple(w for w in dict.fromkeys(words) if len(w.strip()) >= 3))  # fmt: skip


def _tables(conn: sqlite.Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}


def purge(vault: Vault, gone: Leaving) -> None:
    """Remove `gone` from the vault in one transaction (see the module's doc)."""
    conn = vault.connection
    ids = list(gone.all_ids)
    with vault.transaction():
        tables = _tables(conn)
        # The trash (core/trash, migration 0006): what was deleted earlier from these cases,
        # or is one of these records, with the chunks a trashed document still keeps.
        trashed: list[str] = []
        if "trash" in tables:
            for rid, _kind, case_id, payload in list(
                conn.execute("SELECT record_id, kind, case_id, payload FROM trash")
            ):
                text = f"{rid}\n{case_id}\n{payload}"
                if any(i in text for i in ids) or any(w in text for w in gone.words):
                    trashed.append(str(rid))
        for chunk_ids in (ids, trashed):
            for start in range(0, len(chunk_ids), 500):
                part = chunk_ids[start : start + 500]
                m = _marks(len(part))
                conn.execute(f"DELETE FROM search_entries WHERE record_id IN ({m}) "
                             f"OR case_id IN ({m})", (*part, *part))  # fmt: skip
                conn.execute(f"DELETE FROM conflicts WHERE record_id IN ({m})", part)
                # Since 0006 a document's chunks no longer go with its row by cascade.
                conn.execute(f"DELETE FROM document_chunks WHERE document_id IN ({m})", part)
                if "trash" in tables:
                    conn.execute(f"DELETE FROM trash WHERE record_id IN ({m}) "
                                 f"OR case_id IN ({m})", (*part, *part))  # fmt: skip
        if "tombstones" in tables and gone.cases:
            # Tombstones of records deleted from these cases: ids only, but they name the
            # cases; those of records that belonged to no other (carried) case go too.
            m = _marks(len(gone.cases))
            dead = _ids(conn, f"SELECT record_id FROM tombstone_cases WHERE case_id IN ({m})",
                        gone.cases)  # fmt: skip
            conn.execute(f"DELETE FROM tombstone_cases WHERE case_id IN ({m})", gone.cases)
            for start in range(0, len(dead), 500):
                part = dead[start : start + 500]
                conn.execute(
                    f"DELETE FROM tombstones WHERE record_id IN ({_marks(len(part))}) AND "
                    "record_id NOT IN (SELECT record_id FROM tombstone_cases)",
                    part,
                )
        if "shares" in tables and gone.cases:
            # Shares of these cases (and what each colleague was known to have, by cascade),
            # and the exchange folder's memory of bundles that carried them: names and ids
            # only, but they say the cases existed and with whom they were shared.
            m = _marks(len(gone.cases))
            conn.execute(f"DELETE FROM shares WHERE case_id IN ({m})", gone.cases)
            for name, cases in list(conn.execute("SELECT name, cases FROM exchange_files")):
                if any(c in str(cases) for c in gone.cases):
                    conn.execute("DELETE FROM exchange_files WHERE name = ?", (name,))
        if gone.cases:
            m = _marks(len(gone.cases))
            conn.execute(f"DELETE FROM cases WHERE id IN ({m})", gone.cases)
        if gone.people:
            m = _marks(len(gone.people))
            conn.execute(f"DELETE FROM people WHERE id IN ({m})", gone.people)
        # The audit log refuses deletions by trigger (against bugs, not against its owner).
        conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
        audit_cols = {str(r[1]) for r in conn.execute("PRAGMA table_info(audit)")}
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            m = _marks(len(part))
            conn.execute(f"DELETE FROM audit WHERE record_id IN ({m})", part)
            if "case_id" in audit_cols:  # since 0006: the case a line is about
                conn.execute(f"DELETE FROM audit WHERE case_id IN ({m})", part)
        for word in gone.words:
            conn.execute("DELETE FROM audit WHERE instr(summary, ?) > 0", (word,))
        conn.execute(_AUDIT_GUARD)
        # Settings naming a removed id (the last opened case) or quoting a removed title or
        # name (a draft kept at lock, core/drafts.py, of a form about them).
        for key, value in list(conn.execute("SELECT key, value FROM settings")):
            text = f"{key}\n{value}"
            if any(i in text for i in ids) or any(w in text for w in gone.words):
                conn.execute("DELETE FROM settings WHERE key = ?", (key,))
        # External-content FTS5: rebuilt from the remaining entries, then merged into one
        # segment, so no old segment or delete marker keeps the removed words.
        conn.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
        conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
