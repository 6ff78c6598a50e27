"""The demo vault: fictional, deterministic for a seed, and showing everything Satchel keeps."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from tests.kdf import FAST_KDF

from satchel.core.events import urgency
from satchel.core.model import CaseType, DeadlineStatus, Script, Urgency
from satchel.core.vault import Vault
from satchel.sample.decoy import fill_decoy
from satchel.sample.demo import DEMO_CASE_TYPES, fill_demo, minimal_pdf, minimal_png

TODAY = date(2025, 9, 15)


@pytest.fixture
def new_vault(tmp_path: Path) -> Iterator[Any]:
    made: list[Vault] = []

    def make(name: str) -> Vault:
        vault, _code = Vault.create(tmp_path / name, "demo passphrase", kdf_params=FAST_KDF)
        made.append(vault)
        return vault

    yield make
    for vault in made:
        vault.close()


def _content(vault: Vault) -> list[Any]:
    """Everything the demo wrote, with ids replaced by what they name."""
    cases = {c.id: c.title for c in vault.cases.list()}
    people = {p.id: p.names for p in vault.people.list()}
    events = {e.id: e.title for e in vault.events.list()}
    out: list[Any] = []
    for c in sorted(vault.cases.list(), key=lambda c: c.title):
        roles = sorted(
            (tuple(n.text for n in people[r.person_id]), r.kind.value, r.note)
            for r in vault.roles.list(case_id=c.id)
        )
        chronology = [
            (
                e.title, str(e.date), e.event_type.value, e.fact_status.value, e.key_fact,
                e.source, e.source_quote, tuple(sorted(people[p][0].text for p in e.person_ids)),
                None if e.deadline is None else (
                    e.deadline.status.value, e.deadline.offset_days,
                    events.get(e.deadline.computed_from or ""),
                ),
            )
            for e in vault.events.list(case_id=c.id)
        ]  # fmt: skip
        notes = sorted((n.body, n.format.value) for n in vault.notes.list(case_id=c.id))
        docs = sorted((d.filename, d.sha256, d.size) for d in vault.documents.list(case_id=c.id))
        out.append((c.title, c.case_type.value, c.status.value, c.summary, c.references,
                    c.tags, roles, chronology, notes, docs))  # fmt: skip
    out.append(
        sorted(tuple((n.text, n.script.value, n.source) for n in p) for p in people.values())
    )
    assert set(cases.values()) == {c[0] for c in out[:-1]}
    return out


def test_same_seed_gives_the_same_records(new_vault: Any) -> None:
    a, b = new_vault("a"), new_vault("b")
    fill_demo(a, cases=6, seed=11, today=TODAY)
    fill_demo(b, cases=6, seed=11, today=TODAY)
    assert _content(a) == _content(b)


def test_another_seed_gives_other_records(new_vault: Any) -> None:
    a, b = new_vault("a"), new_vault("b")
    fill_demo(a, cases=6, seed=1, today=TODAY, documents=False)
    fill_demo(b, cases=6, seed=2, today=TODAY, documents=False)
    assert _content(a) != _content(b)


def test_small_demo_shows_every_case_type_names_in_two_scripts_and_a_live_agenda(
    new_vault: Any,
) -> None:
    vault = new_vault("demo")
    counts = fill_demo(vault, cases=8, seed=7)
    today = date.today()

    assert counts["cases"] == vault.cases.count() == 8
    assert counts["events"] == vault.events.count()
    assert {c.case_type for c in vault.cases.list()} == set(DEMO_CASE_TYPES)
    assert CaseType.EXTRADITION in DEMO_CASE_TYPES and CaseType.ASYLUM in DEMO_CASE_TYPES

    clients = [
        vault.people.get(r.person_id)
        for c in vault.cases.list()
        for r in vault.roles.list(case_id=c.id)
        if r.kind.value == "client"
    ]
    assert len(clients) == 8
    for client in clients:
        scripts = {n.script for n in client.names}
        assert scripts == {Script.CYRILLIC, Script.LATIN}, client.names

    deadlines = vault.events.deadlines()
    assert len(deadlines) == 8
    assert all(d.deadline is not None and d.deadline.computed_from for d in deadlines)
    seen = {urgency(d, today) for d in deadlines}
    assert {Urgency.OVERDUE, Urgency.WITHIN_3_DAYS, Urgency.WITHIN_14_DAYS, Urgency.DONE} <= seen
    assert any(d.deadline and d.deadline.status is DeadlineStatus.DONE for d in deadlines)
    assert vault.events.agenda(today)

    precisions = {e.date.precision for e in vault.events.list()}
    kinds = {e.date.kind for e in vault.events.list()}
    assert len(precisions) == 5  # exact, day, month, year, and None for undated
    assert len(kinds) == 7
    assert vault.notes.count() >= 8
    assert any(n.format.value == "markdown" for n in vault.notes.list())
    assert vault.documents.count() == 3 * 8


def test_searching_a_demo_client_by_another_spelling_finds_them(new_vault: Any) -> None:
    vault = new_vault("demo")
    fill_demo(vault, cases=6, seed=3, documents=False)
    person = next(p for p in vault.people.list() if len(p.names) >= 3)
    press = next(n.text for n in person.names if n.source == "press")
    hits = vault.search.search(press.split()[-1])
    assert any(h.record_id == person.id for h in hits)


def test_demo_documents_are_valid_files() -> None:
    pdf = pdfium.PdfDocument(minimal_pdf(["Decision (fictional)", "Appeal within 10 days"]))
    try:
        text = pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
    assert "Decision (fictional)" in text and "Appeal within 10 days" in text

    png = minimal_png(32, 24, seed=1)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    idat = png[png.index(b"IDAT") + 4 : png.index(b"IEND") - 8]
    assert len(zlib.decompress(idat)) == 24 * (1 + 32 * 3)


def test_decoy_is_ordinary_civil_work(new_vault: Any) -> None:
    vault = new_vault("decoy")
    fill_decoy(vault)
    cases = vault.cases.list()
    assert len(cases) >= 3
    assert all(c.case_type is CaseType.OTHER for c in cases)
    text = " ".join(c.title + c.summary for c in cases).lower()
    for word in ("extradition", "asylum", "deport", "экстрадиц", "interpol"):
        assert word not in text
    assert vault.events.deadlines()
