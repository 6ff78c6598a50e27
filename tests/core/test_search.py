"""Search: as-you-type, across scripts and spellings, safe against any input, plain snippets."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from satchel.core.database import Database
from satchel.core.search import MAX_QUERY_WORDS, SearchEntry, SearchHit, SearchIndex

ANNA = "Журавлёва Анна Сергеевна"


@pytest.fixture
def index(db: Database) -> SearchIndex:
    idx = db.search
    idx.index("person", "p-anna", None, ANNA, "Born in Almaty", [ANNA])
    idx.index("person", "p-ivan", None, "Петров Иван", "", ["Петров Иван", "Petrov Ivan"])
    idx.index("person", "p-olga", None, "Сидорова Ольга", "", ["Сидорова Ольга"])
    idx.index(
        "event", "e-1", "c-1", "Hearing adjourned",
        "The court adjourned the hearing on the extradition request of the client.", [],
    )  # fmt: skip
    return idx


def found(index: SearchIndex, query: str, **kw: object) -> list[str]:
    return [h.record_id for h in index.search(query, **kw)]  # type: ignore[arg-type]


SPELLINGS = [
    "Журавлёва",
    "Журавлева",
    "ЖУРАВЛЁВА",
    "Zhuravleva",
    "Zhuravlyova",
    "Žuravljova",
    "zhuravliova",
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_person_indexed_in_cyrillic_is_found_by_every_spelling(
    index: SearchIndex, spelling: str
) -> None:
    assert found(index, spelling) == ["p-anna"]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_finds_the_person_while_being_typed(
    index: SearchIndex, spelling: str
) -> None:
    # From four letters on, every prefix of every spelling finds her.
    for end in range(4, len(spelling) + 1):
        assert found(index, spelling[:end]) == ["p-anna"], spelling[:end]


def test_every_word_must_match(index: SearchIndex) -> None:
    assert found(index, "Anna Zhuravleva") == ["p-anna"]
    assert found(index, "Сергеевна Zhuravl") == ["p-anna"]
    assert found(index, "Anna Petrov") == []


def test_transliteration_finds_names_in_other_scripts(db: Database) -> None:
    people = {
        "Емельянова Юлия": ["Yemelyanova", "Emelianova", "Emel'yanova", "Iuliia"],
        "Щукин Евгений": ["Shchukin", "Schukin", "Yevgeny", "Evgenii"],
        "Хабибуллин Қанат": ["Khabibullin", "Habibullin", "Qanat", "Kanat"],
        "Нұрлан Ғалымұлы": ["Nurlan", "Galymuly", "Ghalymuly"],
        "Хасанов Жасур": ["Xasanov", "Khasanov", "Jasur", "Zhasur"],
        "Ксения Джураева": ["Xenia", "Ksenia", "Djurayeva", "Juraeva"],
    }
    ids = {name: db.people.create([name]).id for name in people}
    for name, queries in people.items():
        for q in queries:
            assert [h.record_id for h in db.search.search(q, kinds=["person"])] == [ids[name]], q


def test_a_finished_word_is_not_a_prefix(index: SearchIndex) -> None:
    index.index("person", "p-ivanova", None, "Иванова Мария", "", ["Иванова Мария"])
    assert set(found(index, "Ivan")) == {"p-ivan", "p-ivanova"}
    assert found(index, "Ivan ") == ["p-ivan"]


@pytest.mark.parametrize(
    "query",
    ['"', "AND", "OR", "NOT", "NEAR", "NEAR(a b)", "foo:bar", "title:x", "(", ")", "*", "^",
     "a*", '"unterminated', "-x", "+", "{title}: x", "col : x", "''", "\\", "\x00", "",
     "   ", "AND OR NOT", "hearing AND", "NOT hearing", "hearing OR court", "\ue000",
     "x" * 10_000, "а " * 1000],
)  # fmt: skip
def test_fts_syntax_in_a_query_never_raises_or_changes_meaning(
    index: SearchIndex, query: str
) -> None:
    hits = index.search(query)
    assert isinstance(hits, list)


def test_operators_are_searched_as_words(index: SearchIndex) -> None:
    index.index("note", "n-1", "c-1", "Strategy", "we argue torture OR persecution", [])
    # "OR" is a word the note contains, not an operator that would widen the search.
    assert found(index, "torture OR persecution") == ["n-1"]
    assert found(index, "hearing OR persecution") == []


@given(st.text(max_size=60))
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_text_is_a_safe_query(index: SearchIndex, query: str) -> None:
    for hit in index.search(query):
        assert isinstance(hit, SearchHit)


def test_title_match_ranks_above_body_match(db: Database) -> None:
    idx = db.search
    idx.index("event", "in-body", "c-1", "Meeting at the office",
              "Discussed the appeal and the next steps with the family", [])  # fmt: skip
    idx.index("event", "in-title", "c-1", "Appeal filed", "Filed at the registry", [])
    for i in range(20):  # something to rank against
        idx.index("note", f"n-{i}", "c-1", f"Note {i}", "the family called about documents", [])
    assert found(idx, "appeal")[:2] == ["in-title", "in-body"]


def test_snippet_is_plain_text_with_match_spans(index: SearchIndex) -> None:
    index.index(
        "note", "n-html", "c-1", "<b>bold</b> title",
        "Client said <script>alert(1)</script> the extradition hearing was moved.", [],
    )  # fmt: skip
    [hit] = index.search("extradition moved")
    assert hit.record_id == "n-html"
    assert "<script>" in hit.snippet  # the text as written, never markup added or removed
    assert "<mark>" not in hit.snippet and "<b>extradition" not in hit.snippet
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["extradition", "moved"]
    assert "[extradition] hearing was [moved]" in hit.marked()


def test_a_name_found_through_another_script_is_highlighted_in_the_names(
    index: SearchIndex,
) -> None:
    [hit] = index.search("Zhuravl")
    assert hit.title == ANNA
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["Журавлёва"]


def test_long_bodies_give_a_short_snippet_around_the_match(db: Database) -> None:
    body = "Lorem ipsum dolor sit amet. " * 40 + "The deportation order arrived. " + "Tail. " * 40
    db.search.index("note", "n-long", "c-1", "Long note", body, [])
    [hit] = db.search.search("deportation")
    assert len(hit.snippet) < 200
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["deportation"]


def test_stored_text_cannot_forge_a_highlight(db: Database) -> None:
    db.search.index("note", "n-x", "c-1", "Note", "plain \ue000fake\ue001 words here", [])
    [hit] = db.search.search("words")
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["words"]


def test_filters_by_kind_and_case(index: SearchIndex) -> None:
    index.index("note", "n-1", "c-2", "Hearing notes", "", [])
    assert set(found(index, "hearing")) == {"e-1", "n-1"}
    assert found(index, "hearing", kinds=["note"]) == ["n-1"]
    assert found(index, "hearing", case_id="c-1") == ["e-1"]
    assert found(index, "hearing", kinds=[]) == []
    assert found(index, "hearing", kinds="note") == ["n-1"]


def test_reindexing_replaces_and_removing_forgets(index: SearchIndex) -> None:
    index.index("person", "p-anna", None, "Смирнова Анна", "", ["Смирнова Анна"])
    assert found(index, "Zhuravleva") == []
    assert found(index, "Smirnova") == ["p-anna"]
    index.remove("person", "p-anna")
    assert found(index, "Smirnova") == []
    index.remove("person", "never-indexed")  # nothing to do, no error


def test_removing_a_case_forgets_all_its_entries(index: SearchIndex) -> None:
    index.index("note", "n-1", "c-1", "Hearing notes", "", [])
    index.remove_case("c-1")
    assert found(index, "hearing") == []
    assert found(index, "Petrov") == ["p-ivan"]


def test_rebuild_replaces_the_whole_index(index: SearchIndex) -> None:
    count = index.rebuild(
        [
            SearchEntry("case", "c-9", "c-9", "Deportation of Ерлан Қасымов", "", []),
            ("person", "p-9", None, "Қасымов Ерлан", "", ["Қасымов Ерлан", "Kasymov Yerlan"]),
        ]
    )
    assert count == 2
    assert index.count() == 2
    assert found(index, "Zhuravleva") == []
    assert set(found(index, "Qasymov")) == {"c-9", "p-9"}
    assert found(index, "Erlan", kinds=["person"]) == ["p-9"]


def test_limit_caps_the_hits(db: Database) -> None:
    for i in range(30):
        db.search.index("event", f"e-{i}", "c-1", f"Hearing {i}", "", [])
    assert len(db.search.search("hearing", limit=7)) == 7
    assert db.search.search("hearing", limit=0) == []


def test_words_beyond_the_cap_are_ignored(index: SearchIndex) -> None:
    query = "Anna " * MAX_QUERY_WORDS + "Nonexistent"
    assert found(index, query) == ["p-anna"]


def test_people_and_cases_stores_keep_the_index_current(db: Database) -> None:
    person = db.people.create(["Емельянова Наталья", "Emelianova Natalia"])
    assert [h.record_id for h in db.search.search("Yemelyanova Natalya")] == [person.id]
    db.people.delete(person.id)
    assert db.search.search("Yemelyanova") == []


def test_a_very_common_word_ranks_only_the_newest_matches(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import satchel.core.search as search_module

    monkeypatch.setattr(search_module, "RANK_CAP", 5)
    for i in range(20):
        db.search.index("event", f"e-{i:02d}", "c-1", f"Hearing {i}", "", [])
    hits = db.search.search("hearing", limit=3)
    assert len(hits) == 3
    assert {h.record_id for h in hits} <= {f"e-{i:02d}" for i in range(15, 20)}
    # A query that narrows below the cap reaches the oldest entries again.
    assert [h.record_id for h in db.search.search("hearing 0")] == ["e-00"]


def test_refold_brings_keys_made_by_an_older_rule_up_to_date(index: SearchIndex) -> None:
    # As if the entry had been indexed by a rule that folded nothing.
    index._conn.execute("UPDATE search_entries SET folded = '' WHERE record_id = 'p-anna'")
    index._conn.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
    assert found(index, "Zhuravleva") == []
    assert index.refold() == 1
    assert found(index, "Zhuravleva") == ["p-anna"]
    assert index.refold() == 0


@given(
    before=st.text(max_size=300),
    after=st.text(max_size=300),
    word=st.sampled_from(["extradition", "Экстрадиция", "Журавлёва", "appeal"]),
)
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_snippet_spans_always_point_at_matches_inside_the_snippet(
    db: Database, before: str, after: str, word: str
) -> None:
    db.search.index("note", "n-prop", "c-1", "Note", f"{before} {word} {after}", [])
    for hit in db.search.search(word, kinds=["note"]):
        for start, end in hit.spans:
            assert 0 <= start < end <= len(hit.snippet)
        assert "\ue000" not in hit.snippet and "\ue001" not in hit.snippet


def test_a_removed_entry_leaves_no_trace_in_the_index_data(db: Database) -> None:
    def index_bytes() -> bytes:
        rows = db.connection.execute("SELECT block FROM search_fts_data").fetchall()
        return b"".join(bytes(r[0]) for r in rows if r[0] is not None)

    db.search.index("person", "p-x", None, "Кверти Qwertyuiopova", "", ["Qwertyuiopova"])
    db.search.index("person", "p-y", None, "Petrova", "", ["Petrova"])
    assert b"yuiopova" in index_bytes()
    db.search.remove("person", "p-x")
    assert b"yuiopova" not in index_bytes()
    assert b"qwertyuiopova" not in index_bytes()
    assert [h.record_id for h in db.search.search("Petrova")] == ["p-y"]
