"""The full-text search index: an FTS5 table inside the encrypted database, and its queries.

Every case, person, event, note and document name is one entry (kind, record id, case id,
title, body, names). Queries are made for a search box that searches as the user types:
every word must match, the last word is also a prefix, and each word matches either as
written (in title, body or names) or by its folded key (`satchel.core.names`) among the
keys of the title and names, so `Zhuravleva`, `Žuravljova` and `Журавлёва` find each other.
How matching and ranking work is explained in docs/search.md.

User input never reaches FTS5 as syntax: a query is cut into words, and each word goes
into the MATCH expression as a quoted string, so quotes, AND/OR/NOT/NEAR, `*`, `:`, `^`
and parentheses are only ever text. Snippets are plain text with match positions given
as spans, never markup: the GUI shows them as plain text.

This module only reads and writes the search tables (search_entries, search_fts); the
stores call `index` and `remove` inside their own transactions.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import sqlcipher3.dbapi2 as sqlite

from satchel.core.names import WORD_RE, fold_keys, fold_prefix, fold_text, key_terms, words

__all__ = ["MAX_QUERY_WORDS", "RANK_CAP", "SearchEntry", "SearchHit", "SearchIndex"]

MAX_QUERY_WORDS = 16
"""Words of a query beyond this many are ignored: a pasted page is not a search."""

RANK_CAP = 1000
"""A query matching more entries than this ranks only the newest this many of them."""

_MIN_PREFIX = 2  # letters a word needs before it is also matched as a prefix
_MAX_WORD = 64  # characters of one query word that are used; longer words are cut

# Snippet markers: private-use characters, stripped from everything indexed so stored text
# can never forge a highlight. They never leave this module; hits carry spans instead.
_OPEN, _CLOSE = "\ue000", "\ue001"
_STRIP_MARKERS = str.maketrans("", "", _OPEN + _CLOSE)
_SPACE_RE = re.compile(r"\s+")
_NAME_SEPARATOR = " · "
_SNIPPET_CHARS = 160  # about two lines of a result list
_SNIPPET_BEFORE = 50  # of which this many come before the first match

# bm25 weights in the order of the FTS5 columns (kind, record_id, case_id: unindexed):
# a hit in the title or a name counts far more than one in the body.
_WEIGHTS = "0.0, 0.0, 0.0, 10.0, 1.0, 8.0, 4.0"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result, best first in the list `search` returns.

    `snippet` is plain text; `spans` are the (start, end) character offsets of the matched
    words in it. `rank` is FTS5's bm25 score: lower (more negative) is a better match.
    """

    kind: str
    record_id: str
    case_id: str | None
    title: str
    snippet: str
    rank: float
    spans: tuple[tuple[int, int], ...] = ()

    def marked(self, open_mark: str = "[", close_mark: str = "]") -> str:
        """The snippet with each match wrapped in the given plain-text marks."""
        out: list[str] = []
        last = 0
        for start, end in self.spans:
            out += [self.snippet[last:start], open_mark, self.snippet[start:end], close_mark]
            last = end
        out.append(self.snippet[last:])
        return "".join(out)


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """What the index holds for one record (the arguments of `SearchIndex.index`)."""

    kind: str
    record_id: str
    case_id: str | None
    title: str
    body: str
    names: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class _Term:
    """One query word: how it matches as written and by its folded keys."""

    raw: str  # the word as typed, to match tokens of title, body and names
    keys: tuple[str, ...]  # folded keys, to match tokens of `folded`
    prefix: bool
    plain: str  # the raw word as the tokenizer compares it (for highlighting)

    def expression(self, *, strong: bool = False) -> str:
        """The FTS5 expression for this word; `strong`: in the title or names only."""
        # The word contains no double quote (see names.WORD_RE), but escape it the FTS5
        # way anyway: this string is the only place user text enters a MATCH expression.
        quoted = '"' + self.raw.replace('"', '""') + '"'
        columns = "{title names}" if strong else "{title body names}"
        # Whether a word is a prefix depends on what was typed, not on its key: `Sh`, `Zh`
        # and `Ж` fold to one letter and are still two-letter (or whole-sound) prefixes.
        star = _star(self.raw, self.prefix)
        alternatives = [f"{columns} : {quoted}{star}"]
        alternatives += [f'folded : "{key}"{star}' for key in self.keys]
        return "(" + " OR ".join(alternatives) + ")"

    def matches(self, plain: str, keys: tuple[str, ...]) -> bool:
        """Whether a stored word (as `_plain` and `fold_keys` give it) is one this term found."""
        want = self.plain
        if plain == want or any(k in self.keys for k in keys):
            return True
        if not self.prefix:
            return False
        if len(self.raw) < _MIN_PREFIX:
            return False
        return plain.startswith(want) or any(
            stored.startswith(k) for stored in keys for k in self.keys
        )


class SearchIndex:
    """The search index over one open vault connection.

    Writes run in a savepoint: inside the caller's transaction when there is one, else as
    a transaction of their own. When other threads share the connection, call the bulk
    operations (`rebuild`, `refold`, `optimize`) inside `StoreContext.transaction()`, which
    serialises writers; the stores already call `index` and `remove` that way.
    """

    def __init__(self, conn: sqlite.Connection) -> None:
        self._conn = conn
        self._savepoints = itertools.count()
        # Set by the store context inside an all-or-nothing transaction, which any error
        # rolls back whole: then a savepoint would only cost its statement journal.
        self.joined = False

    # -- writing ------------------------------------------------------------------------

    def index(
        self,
        kind: str,
        record_id: str,
        case_id: str | None,
        title: str,
        body: str,
        names: Sequence[str] = (),
    ) -> None:
        """Add or replace the entry of one record."""
        entry = _prepared(SearchEntry(kind, record_id, case_id, title, body, names))
        with self._savepoint():
            old = self._conn.execute(
                "SELECT id, case_id, title, body, names, folded FROM search_entries "
                "WHERE kind = ? AND record_id = ?",
                (kind, record_id),
            ).fetchone()
            if old is not None:
                if tuple(old[1:]) == entry[2:]:
                    return  # unchanged: an FTS5 delete + insert would only bloat the index
                self._unindex(old)
                self._conn.execute(
                    "UPDATE search_entries SET case_id = ?, title = ?, body = ?, names = ?, "
                    "folded = ? WHERE id = ?",
                    (*entry[2:], old[0]),
                )
                rowid = old[0]
            else:
                cur = self._conn.execute(
                    "INSERT INTO search_entries (kind, record_id, case_id, title, body, names, "
                    "folded) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    entry,
                )
                rowid = cur.lastrowid
            self._conn.execute(
                "INSERT INTO search_fts (rowid, title, body, names, folded) VALUES (?, ?, ?, ?, ?)",
                (rowid, *entry[3:]),
            )

    def index_many(self, entries: Iterable[SearchEntry]) -> int:
        """`index` for many records at once (bundle import); returns how many changed.

        The same entries as one `index` call each, but a lookup of the existing entries
        per 500 records and one statement per step for all of them, instead of a
        savepoint and three statements per record. An entry given twice keeps the last.
        """
        memo: dict[str, tuple[str, ...]] = {}
        latest = {(e.kind, e.record_id): _prepared(e, memo) for e in entries}
        if not latest:
            return 0
        changed = 0
        with self._savepoint():
            by_kind: dict[str, list[str]] = {}
            for kind, record_id in latest:
                by_kind.setdefault(kind, []).append(record_id)
            for kind, ids in by_kind.items():
                for start in range(0, len(ids), 500):
                    changed += self._index_slice(kind, ids[start : start + 500], latest)
        return changed

    def _index_slice(
        self,
        kind: str,
        ids: list[str],
        latest: dict[tuple[str, str], tuple[str, str, str | None, str, str, str, str]],
    ) -> int:
        marks = ", ".join("?" for _ in ids)
        old_rows = {
            row[1]: (row[0], *row[2:])
            for row in self._conn.execute(
                "SELECT id, record_id, case_id, title, body, names, folded FROM search_entries "
                f"WHERE kind = ? AND record_id IN ({marks})",
                (kind, *ids),
            )
        }
        inserts, updates, forget = [], [], []
        for record_id in ids:
            entry = latest[(kind, record_id)]
            old = old_rows.get(record_id)
            if old is None:
                inserts.append(entry)
            elif tuple(old[1:]) != entry[2:]:
                # External content: FTS5 forgets a row only when told its exact old text.
                forget.append((old[0], *old[2:]))
                updates.append((*entry[2:], old[0]))
            # else unchanged: an FTS5 delete + insert would only bloat the index
        if forget:
            self._conn.executemany(
                "INSERT INTO search_fts (search_fts, rowid, title, body, names, folded) "
                "VALUES ('delete', ?, ?, ?, ?, ?)",
                forget,
            )
            self._conn.executemany(
                "UPDATE search_entries SET case_id = ?, title = ?, body = ?, names = ?, "
                "folded = ? WHERE id = ?",
                updates,
            )
        if inserts:
            self._conn.executemany(
                "INSERT INTO search_entries (kind, record_id, case_id, title, body, names, "
                "folded) VALUES (?, ?, ?, ?, ?, ?, ?)",
                inserts,
            )
        words = [(u[-1], *u[1:5]) for u in updates]  # (rowid, title, body, names, folded)
        if inserts:
            new_ids = [e[1] for e in inserts]
            rowids = dict(
                self._conn.execute(
                    "SELECT record_id, id FROM search_entries WHERE kind = ? AND record_id IN "
                    f"({', '.join('?' for _ in new_ids)})",
                    (kind, *new_ids),
                ).fetchall()
            )
            words += [(rowids[e[1]], *e[3:]) for e in inserts]
        if words:
            self._conn.executemany(
                "INSERT INTO search_fts (rowid, title, body, names, folded) VALUES (?, ?, ?, ?, ?)",
                words,
            )
        return len(words)

    def remove(self, kind: str, record_id: str) -> None:
        """Remove the entry of one record, if it has one."""
        with self._savepoint():
            self._remove_where("kind = ? AND record_id = ?", (kind, record_id))

    def remove_case(self, case_id: str) -> None:
        """Remove every entry whose case id is `case_id`."""
        with self._savepoint():
            self._remove_where("case_id = ?", (case_id,))

    def rebuild(self, entries: Iterable[SearchEntry | tuple]) -> int:
        """Replace the whole index with `entries` (bulk loading); returns how many.

        Much faster than `index` one by one: the rows go in first, then FTS5 builds its
        index from them in one pass and merges it into one compact b-tree.
        """
        with self._savepoint():
            self._conn.execute("DELETE FROM search_entries")
            self._conn.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
            added = 0
            memo: dict[str, tuple[str, ...]] = {}  # names and titles repeat across records

            def rows() -> Iterator[tuple[str, str, str | None, str, str, str, str]]:
                nonlocal added
                for e in entries:
                    added += 1
                    yield _prepared(e if isinstance(e, SearchEntry) else SearchEntry(*e), memo)

            self._conn.executemany(
                "INSERT OR REPLACE INTO search_entries (kind, record_id, case_id, title, body, "
                "names, folded) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows(),
            )
            self._conn.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
            self._conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        return added

    def refold(self) -> int:
        """Recompute every entry's folded keys from its stored title and names.

        For when the folding rule (names.py) changes: the keys in the index were made by
        the old rule and would no longer meet the keys of typed words. Needs nothing but
        the index itself; returns how many entries changed.
        """
        changed = 0
        memo: dict[str, tuple[str, ...]] = {}
        with self._savepoint():
            rows = self._conn.execute("SELECT id, title, names, folded FROM search_entries")
            updates = []
            for rowid, title, names, folded in rows:
                fresh = " ".join(fold_text(f"{title}\n{names}", memo))
                if fresh != folded:
                    updates.append((fresh, rowid))
            changed = len(updates)
            if updates:
                self._conn.executemany("UPDATE search_entries SET folded = ? WHERE id = ?", updates)
                self._conn.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
                self._conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        return changed

    def key_filter(self, kind: str, text: str) -> tuple[str, list[object]] | None:
        """An SQL condition on a store's `id`: records of `kind` whose title or names
        match every word of `text` by its folded keys, each word as a prefix.

        For the filters of the stores (`cases.list(text=...)`, `people.list(text=...)`),
        which add it to their plain substring test: the same keys as the search box, so a
        Latin spelling finds a Cyrillic name in a filter too. None when `text` has no word
        of two or more letters (see `names.key_terms`). Uses the FTS5 index, so the cost
        is that of the matching entries, not of the vault's size.
        """
        terms = key_terms(text, MAX_QUERY_WORDS)
        terms = [keys for keys in terms if keys]
        if not terms:
            return None
        expression = " AND ".join(
            "(" + " OR ".join(f'folded : "{key}"*' for key in keys) + ")" for keys in terms
        )
        return (
            "id IN (SELECT record_id FROM search_entries WHERE kind = ? AND id IN "
            "(SELECT rowid FROM search_fts WHERE search_fts MATCH ?))",
            [kind, expression],
        )

    def optimize(self) -> None:
        """Merge the index into one b-tree (after many changes; queries get faster)."""
        with self._savepoint():
            self._conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")

    def count(self) -> int:
        """How many entries the index holds."""
        return int(self._conn.execute("SELECT count(*) FROM search_entries").fetchone()[0])

    # -- searching ----------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        kinds: Iterable[str] | None = None,
        case_id: str | None = None,
        limit: int = 50,
    ) -> list[SearchHit]:
        """The best `limit` entries matching every word of `query`, best first.

        The last word is a prefix unless the query ends with a space after it (the user
        finished the word). A query with no words (only punctuation, only spaces) finds
        nothing. Never raises on any query text.
        """
        terms = _terms(query)
        if not terms or limit <= 0:
            return []
        filters = ""
        params: list[object] = []
        if kinds is not None:
            # One kind given as a string would otherwise be taken letter by letter.
            wanted = [kinds] if isinstance(kinds, str) else sorted(set(kinds))
            if not wanted:
                return []
            filters += f" AND kind IN ({', '.join('?' for _ in wanted)})"
            params += wanted
        if case_id is not None:
            filters += " AND case_id = ?"
            params.append(case_id)
        # Two tiers: entries where every word is in the title or a name come first; only
        # when they are fewer than `limit` does the search look into bodies too. Besides
        # putting a name hit above any body hit, this keeps a common word fast: ranking
        # every body that mentions "court" costs far more than ranking the titles that do.
        ranked = self._ranked(
            " AND ".join(t.expression(strong=True) for t in terms), filters, params, limit
        )
        if len(ranked) < limit:
            seen = {rowid for rowid, _ in ranked}
            more = self._ranked(
                " AND ".join(t.expression() for t in terms), filters, params, limit + len(ranked)
            )
            ranked += [r for r in more if r[0] not in seen][: limit - len(ranked)]
        if not ranked:
            return []
        rows = {
            row[0]: row[1:]
            for row in self._conn.execute(
                "SELECT id, kind, record_id, case_id, title, body, names FROM search_entries "
                f"WHERE id IN ({', '.join('?' for _ in ranked)})",
                [rowid for rowid, _ in ranked],
            )
        }
        hits = []
        memo: dict[str, tuple[str, tuple[str, ...]]] = {}
        for rowid, rank in ranked:
            kind, record_id, hit_case, title, body, names = rows[rowid]
            snippet, spans = _snippet(terms, title, body, names, memo)
            hits.append(SearchHit(kind, record_id, hit_case, title, snippet, float(rank), spans))
        return hits

    def _ranked(
        self, expression: str, filters: str, params: list[object], limit: int
    ) -> list[tuple[int, float]]:
        """(rowid, bm25) of the best `limit` matches among the newest `RANK_CAP` matches."""
        # bm25 costs a few microseconds per matching row; walking the matches in rowid
        # order costs almost nothing. So a query that matches very many entries ("co",
        # "court") ranks only the newest RANK_CAP of them: bounded time whatever the
        # vault's size, and a vague query shows recent records. Typing more narrows it.
        bounded = filters
        bound_params = list(params)
        matches = self._conn.execute(
            f"SELECT count(*) FROM search_fts WHERE search_fts MATCH ?{filters}",
            (expression, *params),
        ).fetchone()[0]
        if matches > RANK_CAP:
            # Ascending: FTS5 walks a doclist backwards far more slowly than forwards.
            threshold = self._conn.execute(
                f"SELECT rowid FROM search_fts WHERE search_fts MATCH ?{filters} "
                "ORDER BY rowid LIMIT 1 OFFSET ?",
                (expression, *params, matches - RANK_CAP),
            ).fetchone()
            if threshold is not None:
                bounded += " AND rowid >= ?"
                bound_params.append(threshold[0])
        return [
            (int(rowid), float(rank))
            for rowid, rank in self._conn.execute(
                f"SELECT rowid, bm25(search_fts, {_WEIGHTS}) AS score FROM search_fts "
                f"WHERE search_fts MATCH ?{bounded} ORDER BY score LIMIT ?",
                (expression, *bound_params, limit),
            )
        ]

    # -- helpers ------------------------------------------------------------------------

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        # A savepoint nests inside the store's transaction, and outside one it is a
        # transaction of its own: the entry and its FTS5 rows change together or not at all.
        if self.joined:
            yield
            return
        name = f"search_{next(self._savepoints)}"
        self._conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            # After some errors (a full disk) SQLite has already rolled everything back,
            # savepoint included; undoing again would hide the error that matters.
            if self._conn.in_transaction:
                self._conn.execute(f"ROLLBACK TO {name}")
                self._conn.execute(f"RELEASE {name}")
            raise
        self._conn.execute(f"RELEASE {name}")

    def _unindex(self, row: Sequence[object]) -> None:
        # External content: FTS5 forgets a row only when told its exact old text.
        rowid, _case, title, body, names, folded = row
        self._conn.execute(
            "INSERT INTO search_fts (search_fts, rowid, title, body, names, folded) "
            "VALUES ('delete', ?, ?, ?, ?, ?)",
            (rowid, title, body, names, folded),
        )

    def _remove_where(self, where: str, params: Sequence[object]) -> None:
        rows = self._conn.execute(
            f"SELECT id, case_id, title, body, names, folded FROM search_entries WHERE {where}",
            params,
        ).fetchall()
        for row in rows:
            self._unindex(row)
        self._conn.execute(f"DELETE FROM search_entries WHERE {where}", params)


def _unmarked(text: str) -> str:
    # The markers are private-use characters: ASCII text (most, in an import) has none.
    return text if text.isascii() else text.translate(_STRIP_MARKERS)


def _prepared(
    entry: SearchEntry, memo: dict[str, tuple[str, ...]] | None = None
) -> tuple[str, str, str | None, str, str, str, str]:
    """The row of search_entries for an entry: marker-free text and the folded keys."""
    names = [entry.names] if isinstance(entry.names, str) else list(entry.names)
    title = _unmarked(entry.title)
    body = _unmarked(entry.body)
    names_text = _NAME_SEPARATOR.join(_unmarked(n) for n in names)
    folded = " ".join(fold_text(f"{title}\n{names_text}", memo))
    return (entry.kind, entry.record_id, entry.case_id, title, body, names_text, folded)


def _terms(query: str) -> list[_Term]:
    every = words(query)
    found = every[:MAX_QUERY_WORDS]
    if not found:
        return []
    # "Ivan " (a space typed after the word) means the word is complete; so does a word
    # followed by others that were cut off.
    last_is_prefix = len(every) == len(found) and not query[-1:].isspace()
    terms = []
    for i, word in enumerate(found):
        word = word[:_MAX_WORD]
        prefix = last_is_prefix and i == len(found) - 1
        keys = fold_prefix(word) if prefix else fold_keys(word)
        terms.append(_Term(word, keys, prefix, _plain(word)))
    return terms


def _star(typed: str, prefix: bool) -> str:
    # A one-letter prefix would match a good part of the vocabulary (slow, and useless
    # as a result list); one typed letter matches only as a whole word, initials for
    # instance. The length is that of the word as typed (see `_Term.expression`).
    return "*" if prefix and len(typed) >= _MIN_PREFIX else ""


def _plain(word: str) -> str:
    """A word as the FTS5 tokenizer compares it: case and diacritics ignored, no apostrophes."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def _snippet(
    terms: Sequence[_Term],
    title: str,
    body: str,
    names: str,
    memo: dict[str, tuple[str, tuple[str, ...]]],
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain-text snippet and match spans: the names, else the body around its first
    match, else the title, each with its matches; else the start of the body."""
    # Names first: for a person found through an alias in another script, the names
    # line is what shows why the hit is there.
    spans = _highlight(terms, names, memo)
    if spans:
        return names, spans
    found = _body_snippet(terms, body)
    if found is not None:
        return found
    spans = _highlight(terms, title, memo)
    if spans:
        return title, spans
    shown = " ".join(body.split())
    if len(shown) > _SNIPPET_CHARS:
        shown = shown[: _SNIPPET_CHARS - 1].rstrip() + "…"
    return shown, ()


def _highlight(
    terms: Sequence[_Term], text: str, memo: dict[str, tuple[str, tuple[str, ...]]]
) -> tuple[tuple[int, int], ...]:
    """Spans of the words of a short text (names, title) that a term matches."""
    spans = []
    for m in WORD_RE.finditer(text):
        word = m.group()
        forms = memo.get(word)
        if forms is None:
            # Folding is the costly part of a search's Python work; hits share many words.
            forms = memo[word] = (_plain(word), fold_keys(word))
        if any(t.matches(*forms) for t in terms):
            spans.append(m.span())
    return tuple(spans)


class _Plain(dict[int, str]):
    """str.translate table: each character to its lowercase base letter, one for one.

    One for one keeps offsets in the translated text valid in the original, which is what
    the spans need; filled lazily because any character of any script may come up.
    """

    def __missing__(self, code: int) -> str:
        base = unicodedata.normalize("NFD", chr(code))[0].lower()
        plain = base if len(base) == 1 else chr(code)
        self[code] = plain
        return plain


_PLAIN_TABLE = _Plain()


def _body_snippet(
    terms: Sequence[_Term], body: str
) -> tuple[str, tuple[tuple[int, int], ...]] | None:
    """The words of the body around its first match, with every match in them marked.

    Bodies match only as written (the folded keys cover titles and names), so a match is
    a word that starts with (or, for a whole word, equals) a query word, ignoring case and
    diacritics, as the FTS5 tokenizer compares them.
    """
    if not body:
        return None
    plain_body = body.translate(_PLAIN_TABLE)
    patterns = []
    for t in terms:
        word = t.raw.translate(_PLAIN_TABLE)
        tail = "" if t.prefix else r"(?![^\W_])"
        patterns.append(rf"(?<![^\W_]){re.escape(word)}{tail}")
    matcher = re.compile("|".join(patterns))
    first = matcher.search(plain_body)
    if first is None:
        return None
    start = max(0, first.start() - _SNIPPET_BEFORE)
    end = min(len(body), first.start() + _SNIPPET_CHARS - (first.start() - start))
    # Cut at word boundaries, never inside a word.
    if start > 0:
        space = _SPACE_RE.search(body, start, first.start())
        start = space.end() if space else start
    if end < len(body):
        spaces = list(_SPACE_RE.finditer(body, first.end(), end + 1))
        end = spaces[-1].start() if spaces else end
    spans = [(m.start() - start, m.end() - start) for m in matcher.finditer(plain_body, start, end)]
    text = body[start:end]
    # Flatten line breaks (a snippet is one line) without moving any offset.
    text = text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(body) else ""
    shift = len(prefix)
    return prefix + text + suffix, tuple((a + shift, b + shift) for a, b in spans)
