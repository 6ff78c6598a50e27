"""A case shared as a standing arrangement: each bundle carries what changed since the last."""

from __future__ import annotations

from pathlib import Path

import pytest
from lawyers import befriend, named_lawyer, sample_case

from satchel.bundle.merge import apply_import, plan_import
from satchel.bundle.shares import (
    note_received,
    resend_in_full,
    send_shared,
    share_case,
    shares_of,
    unshare,
)
from satchel.errors import InvalidInput


@pytest.fixture
def anna(tmp_path: Path):
    lawyer = named_lawyer(tmp_path, "Anna Fictional")
    yield lawyer
    lawyer.vault.close()


@pytest.fixture
def boris(tmp_path: Path):
    lawyer = named_lawyer(tmp_path, "Boris Fictional")
    yield lawyer
    lawyer.vault.close()


@pytest.fixture
def clara(tmp_path: Path):
    lawyer = named_lawyer(tmp_path, "Clara Fictional")
    yield lawyer
    lawyer.vault.close()


def _take(lawyer, path: Path):
    preview = plan_import(lawyer.vault, path)
    result = apply_import(lawyer.vault, preview)
    note_received(lawyer.vault, preview)
    return preview, result


def test_sharing_needs_a_verified_colleague(anna, boris) -> None:
    colleague = befriend(anna, boris, verified=False)
    case, *_ = sample_case(anna)
    with pytest.raises(InvalidInput) as err:
        share_case(anna.vault, case.id, colleague.id)
    assert err.value.code == "share_needs_verified_colleague"
    assert anna.vault.shares.list() == []


def test_each_bundle_carries_only_what_changed_since_the_last(anna, boris, tmp_path) -> None:
    to_boris = befriend(anna, boris)
    befriend(boris, anna)
    case, _person, event, _doc = sample_case(anna)
    share, new = share_case(anna.vault, case.id[:8], to_boris.id)
    assert new and share.case_id == case.id

    first = send_shared(anna.vault, [case.id], [to_boris.id], tmp_path / "1.satchel")
    assert first is not None
    assert first.plan.counts == {
        "case": 1,
        "role": 1,
        "event": 1,
        "document": 1,
        "note": 1,
        "person": 1,
        "tombstone": 0,
    }
    _take(boris, first.path)

    # Nothing changed: nothing is written.
    assert send_shared(anna.vault, [case.id], [to_boris.id], tmp_path / "2.satchel") is None
    assert not (tmp_path / "2.satchel").exists()

    # One edit and one deletion: the bundle carries that event and that tombstone alone.
    anna.vault.events.update(event.id, title="Arrest at the airport, 14 August")
    note = anna.vault.notes.list(case_id=case.id)[0]
    anna.vault.notes.delete(note.id)
    second = send_shared(anna.vault, [case.id], [to_boris.id], tmp_path / "3.satchel")
    assert second is not None
    counts = {k: n for k, n in second.plan.counts.items() if n}
    assert counts == {"event": 1, "tombstone": 1}
    assert set(second.carried) == {event.id, note.id}
    preview, result = _take(boris, second.path)
    assert [r.id for r in preview.changed] == [event.id]
    assert result.updated == 1 and result.deleted == 1
    assert boris.vault.events.get(event.id).title == "Arrest at the airport, 14 August"
    assert boris.vault.notes.find(note.id) is None
    assert boris.vault.trash.get(note.id).kind == "note"
    assert anna.vault.shares.get(share.id).last_sent_at is not None


def test_a_full_resend_carries_everything_again(anna, boris, tmp_path) -> None:
    to_boris = befriend(anna, boris)
    case, *_ = sample_case(anna)
    share_case(anna.vault, case.id, to_boris.id)
    assert send_shared(anna.vault, [case.id], [to_boris.id], tmp_path / "1.satchel")
    again = send_shared(anna.vault, [case.id], [to_boris.id], tmp_path / "2.satchel", full=True)
    assert again is not None and again.plan.counts["event"] == 1
    assert again.plan.counts["document"] == 1 and again.plan.counts["case"] == 1


def test_resend_in_full_makes_the_next_bundle_whole(anna, boris, tmp_path) -> None:
    to_boris = befriend(anna, boris)
    case, *_ = sample_case(anna)
    share, _ = share_case(anna.vault, case.id, to_boris.id)
    assert send_shared(anna.vault, [case.id], [to_boris.id], tmp_path / "1.satchel")
    assert send_shared(anna.vault, [case.id], [to_boris.id], tmp_path / "2.satchel") is None
    resend_in_full(anna.vault, share.id[:8])
    again = send_shared(anna.vault, [case.id], [to_boris.id], tmp_path / "3.satchel")
    assert again is not None and again.plan.counts["event"] == 1


def test_what_a_colleague_sent_is_not_sent_back_to_them(anna, boris, tmp_path) -> None:
    to_boris = befriend(anna, boris)
    to_anna = befriend(boris, anna)
    case, _person, event, _doc = sample_case(anna)
    share_case(anna.vault, case.id, to_boris.id)
    first = send_shared(anna.vault, [case.id], [to_boris.id], tmp_path / "1.satchel")
    assert first is not None
    _take(boris, first.path)
    share_case(boris.vault, case.id, to_anna.id)
    # Boris's first bundle: Boris knows nothing of what Anna has, so everything goes once.
    boris.vault.events.update(event.id, title="Arrest (Boris checked the record)")
    back = send_shared(boris.vault, [case.id], [to_anna.id], tmp_path / "back.satchel")
    assert back is not None
    _take(anna, back.path)
    assert anna.vault.events.get(event.id).title == "Arrest (Boris checked the record)"
    # Anna received Boris's edit from Boris: her next bundle to him has nothing to carry.
    assert send_shared(anna.vault, [case.id], [to_boris.id], tmp_path / "echo.satchel") is None
    view = shares_of(anna.vault, case.id)[0]
    assert view.colleague.id == to_boris.id and view.case_title == case.title
    assert view.share.last_received_at is not None and view.share.last_sent_at is not None


def test_one_bundle_to_two_colleagues_carries_what_either_lacks(
    anna, boris, clara, tmp_path
) -> None:
    to_boris = befriend(anna, boris)
    to_clara = befriend(anna, clara)
    case, _person, _event, _doc = sample_case(anna)
    share_case(anna.vault, case.id, to_boris.id)
    assert send_shared(anna.vault, [case.id], [to_boris.id], tmp_path / "b.satchel")
    share_case(anna.vault, case.id, to_clara.id)
    both = send_shared(anna.vault, [case.id], [to_boris.id, to_clara.id], tmp_path / "bc.satchel")
    assert both is not None and both.plan.counts["event"] == 1  # Clara has nothing yet
    assert (
        send_shared(anna.vault, [case.id], [to_boris.id, to_clara.id], tmp_path / "none.satchel")
        is None
    )


def test_sending_a_case_not_shared_is_refused_and_removing_a_share_forgets_it(
    anna, boris, tmp_path
) -> None:
    to_boris = befriend(anna, boris)
    case, *_ = sample_case(anna)
    with pytest.raises(InvalidInput) as err:
        send_shared(anna.vault, [case.id], [to_boris.id], tmp_path / "x.satchel")
    assert err.value.code == "case_not_shared_with"
    share, _ = share_case(anna.vault, case.id, to_boris.id)
    assert send_shared(anna.vault, [case.id], [to_boris.id], tmp_path / "1.satchel")
    unshare(anna.vault, share.id[:8])
    assert anna.vault.shares.list() == []
    share_case(anna.vault, case.id, to_boris.id)
    again = send_shared(anna.vault, [case.id], [to_boris.id], tmp_path / "2.satchel")
    assert again is not None and again.plan.counts["event"] == 1  # a new share starts afresh
