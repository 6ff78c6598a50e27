"""Two lawyers and an exchange folder: cases and edits come and go with no export or import by
hand; a file still being written is never read; a sender who is not a verified colleague
gets no further than the header; names carry no case data."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from lawyers import Lawyer, befriend, named_lawyer, sample_case

from satchel.bundle import exchange
from satchel.bundle.export import export_bundle
from satchel.bundle.shares import share_case
from satchel.core.codec import now
from satchel.core.exchange_files import FileState
from satchel.errors import InvalidInput

NAME = re.compile(r"^satchel-[0-9a-f]{32}\.satchel$")


class Clock:
    """A monotonic clock the test moves by hand (no sleeping, no timing in assertions)."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shared = tmp_path / "Exchange"
    shared.mkdir()
    return shared


def _lawyer(tmp_path: Path, name: str, folder: Path, auto: bool = True) -> Lawyer:
    lawyer = named_lawyer(tmp_path, name)
    exchange.set_exchange_folder(lawyer.vault, folder)
    exchange.set_auto_import(lawyer.vault, auto)
    return lawyer


@pytest.fixture
def anna(tmp_path: Path, folder: Path):
    lawyer = _lawyer(tmp_path, "Anna Fictional", folder)
    yield lawyer
    lawyer.vault.close()


@pytest.fixture
def boris(tmp_path: Path, folder: Path):
    lawyer = _lawyer(tmp_path, "Boris Fictional", folder)
    yield lawyer
    lawyer.vault.close()


@pytest.fixture
def clara(tmp_path: Path, folder: Path):
    lawyer = _lawyer(tmp_path, "Clara Fictional", folder)
    yield lawyer
    lawyer.vault.close()


def settled_pass(lawyer: Lawyer) -> exchange.SyncReport:
    """One pass after the folder stood still for the settle time (two looks)."""
    clock = Clock()
    watch = exchange.Watch(clock=clock)
    watch.look(exchange.exchange_settings(lawyer.vault).folder)  # type: ignore[arg-type]
    clock.t += exchange.SETTLE_SECONDS
    return exchange.sync(lawyer.vault, watch)


class Spy:
    """Every path the exchange folder opens past age's header, or at all."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.headers: list[str] = []
        self.whole: list[str] = []
        real_header, real_plan = exchange._read_header, exchange.plan_import

        def header(vault, path):  # type: ignore[no-untyped-def]
            self.headers.append(Path(path).name)
            return real_header(vault, path)

        def plan(vault, path, **kw):  # type: ignore[no-untyped-def]
            self.whole.append(Path(path).name)
            return real_plan(vault, path, **kw)

        monkeypatch.setattr(exchange, "_read_header", header)
        monkeypatch.setattr(exchange, "plan_import", plan)


def test_a_case_and_an_edit_come_and_go_without_export_or_import(anna, boris, folder) -> None:
    to_boris = befriend(anna, boris)
    befriend(boris, anna)
    case, _person, event, doc = sample_case(anna)
    share_case(anna.vault, case.id, to_boris.id)

    sent = settled_pass(anna)
    assert [name for _s, name in sent.sent] == [p.name for p in folder.iterdir()]
    took = settled_pass(boris)
    assert [r.added for _n, r in took.imported] == [6]
    assert boris.vault.cases.get(case.id).title == case.title
    with boris.vault.documents.open(doc.id) as fh:
        assert fh.read().startswith(b"%PDF-1.4")
    assert list(folder.iterdir()) == []  # processed: removed (and so, for the engine, taken)

    # Boris edits; the case came from a verified colleague through the folder, so it is
    # shared back with her and his pass carries the edit alone.
    boris.vault.events.update(event.id, title="Arrest at the airport (Boris saw the record)")
    back = settled_pass(boris)
    assert len(back.sent) == 1
    assert settled_pass(anna).imported
    assert anna.vault.events.get(event.id).title.endswith("(Boris saw the record)")
    assert list(folder.iterdir()) == []
    # Nothing goes back and forth by itself afterwards.
    assert not settled_pass(anna).sent and not settled_pass(boris).sent
    shares = {s.colleague_id: s for s in anna.vault.shares.list(case_id=case.id)}
    assert shares[to_boris.id].last_sent_at and shares[to_boris.id].last_received_at


def test_names_carry_no_case_data_and_no_temporary_file_stays(anna, boris, folder) -> None:
    to_boris = befriend(anna, boris)
    case, person, event, _doc = sample_case(anna)
    share_case(anna.vault, case.id, to_boris.id)
    report = settled_pass(anna)
    names = [p.name for p in folder.iterdir()]
    assert len(names) == 1 and NAME.match(names[0])
    words = [
        case.title,
        *case.title.split(),
        person.primary_name,
        event.title,
        "decision",
        "Boris",
        "Anna",
        case.id,
        case.id[:8],
        to_boris.id[:8],
        person.id[:8],
    ]
    for word in words:
        assert word.lower() not in names[0].lower()
    assert report.sent[0][1] == names[0]
    # A second share with nothing new writes nothing; names never repeat.
    assert not settled_pass(anna).sent
    assert len({exchange.outgoing_name() for _ in range(100)}) == 100


def test_a_file_still_being_written_is_never_read(anna, boris, folder, tmp_path, monkeypatch):
    to_boris = befriend(anna, boris)
    befriend(boris, anna)
    case, *_ = sample_case(anna)
    whole = export_bundle(anna.vault, [case.id], tmp_path / "whole.satchel", to=[to_boris])
    data = whole.path.read_bytes()
    spy = Spy(monkeypatch)

    # The engines' temporary names, holding the complete bundle and standing still.
    temporary = [
        ".syncthing.satchel-1.satchel.tmp",
        "~syncthing~satchel-2.satchel.tmp",
        ".~satchel-3.satchel",
        "satchel-4.satchel.part",
        ".satchel-5.satchel",
        "satchel-6.satchel.tmp",
    ]
    for name in temporary:
        (folder / name).write_bytes(data)
    # A file under its final name that the engine is still writing, a burst at a time.
    growing = folder / "satchel-growing.satchel"
    clock = Clock()
    watch = exchange.Watch(clock=clock)
    step = len(data) // 4
    for i in range(1, 4):
        with growing.open("ab") as fh:
            fh.write(data[(i - 1) * step : i * step])
        report = exchange.sync(boris.vault, watch)
        clock.t += exchange.SETTLE_SECONDS + 1  # looks far apart, the size changed each time
        assert not report.imported and report.unsettled == 1
    assert spy.headers == [] and spy.whole == []
    assert boris.vault.exchange_files.list() == []
    assert not boris.vault.cases.exists(case.id)

    # Written to the end, and then left alone for the settle time: now it is read.
    with growing.open("ab") as fh:
        fh.write(data[3 * step :])
    exchange.sync(boris.vault, watch)
    assert spy.headers == []  # changed since the last look: not yet
    clock.t += exchange.SETTLE_SECONDS
    report = exchange.sync(boris.vault, watch)
    assert [n for n, _r in report.imported] == [growing.name]
    assert spy.headers == [growing.name] and spy.whole == [growing.name]
    assert boris.vault.cases.exists(case.id)
    assert sorted(p.name for p in folder.iterdir()) == sorted(temporary)


def test_a_bundle_from_an_unverified_sender_waits_after_its_header(
    anna, boris, clara, folder, monkeypatch
) -> None:
    befriend(boris, clara, verified=False)  # Boris has Clara's card but never compared it
    to_boris = befriend(clara, boris)
    case, _person, event, _doc = sample_case(clara)
    share_case(clara.vault, case.id, to_boris.id)
    settled_pass(clara)
    spy = Spy(monkeypatch)
    report = settled_pass(boris)
    assert not report.imported and len(report.waiting) == 1
    row = report.waiting[0]
    assert row.state is FileState.NEEDS_CONSENT and row.detail == "unverified"
    assert row.sender_name == "Clara Fictional" and row.cases == (case.id,)
    assert spy.headers == [row.name] and spy.whole == []  # the manifest, nothing more
    assert not boris.vault.cases.exists(case.id)
    # Another pass leaves it alone; it waits in Imports.
    assert not settled_pass(boris).waiting and spy.headers == [row.name]
    assert [w.name for w in exchange.waiting(boris.vault)] == [row.name]
    with pytest.raises(InvalidInput) as err:
        exchange.import_waiting(boris.vault, row.name)
    assert err.value.code == "exchange_import_needs_consent" and spy.whole == []
    assert not boris.vault.cases.exists(case.id)
    # With the user's consent it comes in, and leaves the folder.
    result = exchange.import_waiting(boris.vault, row.name, consent=True)
    assert result.added == 6 and boris.vault.events.get(event.id).title == event.title
    assert exchange.waiting(boris.vault) == [] and list(folder.iterdir()) == []


def test_an_unknown_sender_waits_and_can_be_dismissed(anna, boris, folder) -> None:
    to_boris = befriend(anna, boris)  # Boris never heard of Anna
    case, *_ = sample_case(anna)
    share_case(anna.vault, case.id, to_boris.id)
    settled_pass(anna)
    row = settled_pass(boris).waiting[0]
    assert row.state is FileState.NEEDS_CONSENT and row.detail == "unknown"
    exchange.dismiss(boris.vault, row.name)
    assert list(folder.iterdir()) == [] and not boris.vault.cases.exists(case.id)


def test_bundles_for_someone_else_are_left_alone(anna, boris, clara, folder) -> None:
    to_clara = befriend(anna, clara)
    befriend(boris, anna)
    case, *_ = sample_case(anna)
    share_case(anna.vault, case.id, to_clara.id)
    settled_pass(anna)
    report = settled_pass(boris)
    assert not report.imported and not report.waiting and not report.rejected
    (row,) = boris.vault.exchange_files.list()
    assert row.state is FileState.NOT_FOR_US and row.sender_name == ""  # never opened
    assert len(list(folder.iterdir())) == 1  # Clara's, untouched


def test_without_automatic_import_or_with_conflicts_a_bundle_waits(
    anna, boris, folder, tmp_path
) -> None:
    to_boris = befriend(anna, boris)
    befriend(boris, anna)
    exchange.set_auto_import(boris.vault, False)
    case, _person, event, _doc = sample_case(anna)
    share_case(anna.vault, case.id, to_boris.id)
    settled_pass(anna)
    row = settled_pass(boris).waiting[0]
    assert row.state is FileState.PENDING and row.detail == "review"
    assert not boris.vault.cases.exists(case.id)
    assert exchange.preview_waiting(boris.vault, row.name).new
    exchange.import_waiting(boris.vault, row.name)
    assert boris.vault.cases.exists(case.id) and list(folder.iterdir()) == []

    # Both edit the same event: Anna's next bundle waits for a review, even with auto on.
    exchange.set_auto_import(boris.vault, True)
    anna.vault.events.update(event.id, title="Arrest (Anna's wording)")
    boris.vault.events.update(event.id, title="Arrest (Boris's wording)")
    settled_pass(anna)
    report = settled_pass(boris)
    assert not report.imported and report.waiting[0].detail == "conflicts"
    assert boris.vault.events.get(event.id).title == "Arrest (Boris's wording)"
    exchange.import_waiting(boris.vault, report.waiting[0].name)
    assert boris.vault.conflicts.count() == 1


def test_a_damaged_bundle_is_rejected_once_and_left(anna, boris, folder, monkeypatch) -> None:
    to_boris = befriend(anna, boris)
    befriend(boris, anna)
    case, *_ = sample_case(anna)
    share_case(anna.vault, case.id, to_boris.id)
    settled_pass(anna)
    (path,) = folder.iterdir()
    data = bytearray(path.read_bytes())
    data[-40] ^= 1
    path.write_bytes(bytes(data))
    report = settled_pass(boris)
    assert [r.state for r in report.rejected] == [FileState.REJECTED]
    assert not boris.vault.cases.exists(case.id)
    spy = Spy(monkeypatch)
    assert not settled_pass(boris).rejected and spy.headers == []  # not examined again
    assert path.exists()


def test_own_outgoing_bundles_are_removed_after_their_days(anna, boris, folder) -> None:
    to_boris = befriend(anna, boris)
    case, *_ = sample_case(anna)
    share_case(anna.vault, case.id, to_boris.id)
    exchange.set_keep_days(anna.vault, 3)
    ((_share, name),) = settled_pass(anna).sent
    assert settled_pass(anna).removed == 0 and (folder / name).exists()
    row = anna.vault.exchange_files.get(name)
    anna.vault.exchange_files.put(
        name,
        "out",
        row.size,
        row.mtime_ns,
        FileState.SENT,
        seen_at=now() - timedelta(days=3, minutes=1),
    )
    assert settled_pass(anna).removed == 1
    assert list(folder.iterdir()) == [] and anna.vault.exchange_files.list() == []
    with pytest.raises(InvalidInput):
        exchange.set_keep_days(anna.vault, 0)


def test_a_pass_needs_a_folder(tmp_path) -> None:
    lawyer = named_lawyer(tmp_path, "Dana Fictional")
    try:
        with pytest.raises(InvalidInput) as err:
            exchange.sync(lawyer.vault, exchange.Watch())
        assert err.value.code == "exchange_folder_not_set"
        with pytest.raises(Exception) as gone:
            exchange.set_exchange_folder(lawyer.vault, tmp_path / "nowhere")
        assert getattr(gone.value, "code", "") == "exchange_folder_not_folder"
    finally:
        lawyer.vault.close()


def test_during_a_trip_a_case_left_behind_does_not_come_back_by_itself(
    anna, boris, folder, tmp_path
) -> None:
    """Boris leaves a shared case behind for a crossing; Anna, still sharing it, edits it.
    Her bundle waits in his Imports instead of carrying the case back onto the laptop, while
    her edit of the case he carries is applied by itself as before."""
    from datetime import date

    from lawyers import PASSPHRASE

    from satchel.bundle.shares import resend_in_full
    from satchel.bundle.travel import start_travel

    to_boris = befriend(anna, boris)
    befriend(boris, anna)
    left, _person, left_event, _doc = sample_case(anna)
    carried = anna.vault.cases.create("Asylum appeal of Lena Fictional")
    carried_event = anna.vault.events.create(carried.id, "Interview at the migration office")
    for case in (left, carried):
        share_case(anna.vault, case.id, to_boris.id)
    settled_pass(anna)
    assert len(settled_pass(boris).imported) == 2

    away = tmp_path / "away"
    away.mkdir()
    start_travel(
        boris.vault, PASSPHRASE, [carried.id], away / "trip.satchel", today=date(2026, 12, 3)
    )
    assert not boris.vault.cases.exists(left.id)

    anna.vault.events.update(left_event.id, title="Arrest at the airport (new record found)")
    anna.vault.events.update(carried_event.id, title="Interview moved to Monday")
    # The whole case, as her "Send the whole case again" does: everything it needs to exist.
    (share,) = anna.vault.shares.list(case_id=left.id)
    resend_in_full(anna.vault, share.id)
    assert len(settled_pass(anna).sent) == 2
    report = settled_pass(boris)
    assert [r.updated for _n, r in report.imported] == [1]
    assert boris.vault.events.get(carried_event.id).title == "Interview moved to Monday"
    assert not boris.vault.cases.exists(left.id)
    assert not boris.vault.events.exists(left_event.id)
    (waiting,) = report.waiting
    assert (waiting.state, waiting.detail) == (FileState.PENDING, "travel")
    assert list(waiting.cases) == [left.id]
    # It stays waiting, looked at once: the next pass does not take it either.
    assert not settled_pass(boris).imported and not boris.vault.cases.exists(left.id)
