"""Database: nestable transactions, bulk loading, and the small stores (settings, colleagues)."""

from __future__ import annotations

import threading

import pytest

from satchel.core.database import FOLD_VERSION_SETTING, Database
from satchel.core.model import Verification
from satchel.errors import DiskFull, InvalidInput


def test_nested_transaction_rolls_back_alone(db: Database) -> None:
    with db.transaction():
        kept = db.cases.create("Kept")
        with pytest.raises(InvalidInput), db.transaction():
            db.cases.create("Rolled back")
            db.cases.create("")
        assert db.cases.count() == 1
    assert [c.id for c in db.cases.list()] == [kept.id]
    assert not db.connection.in_transaction


def test_outer_failure_undoes_committed_looking_inner_work(db: Database) -> None:
    with pytest.raises(KeyError), db.transaction():
        with db.transaction():
            db.cases.create("Inner")
        raise KeyError("outer fails")
    assert db.cases.count() == 0
    assert db.search.search("Inner") == []


def test_all_or_nothing_commits_nested_work_without_savepoints(db: Database) -> None:
    with db.all_or_nothing():
        db.cases.create("First")  # each create is a nested transaction
        with db.transaction():
            db.cases.create("Second")
        # Joined, not savepoints: SQLite would list none here anyway, but a rolled-back
        # savepoint would have undone the inner work; the outer one still sees it all.
        assert db.cases.count() == 2
    assert sorted(c.title for c in db.cases.list()) == ["First", "Second"]
    assert [h.title for h in db.search.search("Second")] == ["Second"]
    assert not db.connection.in_transaction


def test_all_or_nothing_rolls_everything_back_on_an_error(db: Database) -> None:
    with pytest.raises(InvalidInput), db.all_or_nothing():
        db.cases.create("Written before the error")
        db.cases.create("")
    assert db.cases.count() == 0
    assert db.search.search("Written") == []
    assert not db.connection.in_transaction


def test_all_or_nothing_never_commits_after_a_caught_nested_error(db: Database) -> None:
    # A caller that catches an error from a nested block and carries on would keep that
    # block's half-written work (no savepoint undid it): the whole transaction goes instead.
    with pytest.raises(RuntimeError, match="rolled back"), db.all_or_nothing():
        db.cases.create("Kept?")
        try:
            with db.transaction():
                db.cases.create("Half written")
                raise KeyError("inner fails")
        except KeyError:
            pass
    assert db.cases.count() == 0
    # The context is ordinary again: nested failures roll back alone.
    test_nested_transaction_rolls_back_alone(db)


def test_all_or_nothing_inside_a_transaction_is_one_savepoint(db: Database) -> None:
    with db.transaction():
        kept = db.cases.create("Before the import")
        with pytest.raises(InvalidInput), db.all_or_nothing():
            db.cases.create("Imported")
            db.cases.create("")
        assert [c.id for c in db.cases.list()] == [kept.id]
        with db.all_or_nothing():
            db.cases.create("Imported again")
    assert db.cases.count() == 2
    assert not db.connection.in_transaction


def test_database_takes_over_transaction_handling(db: Database) -> None:
    assert db.connection.isolation_level is None
    assert db.connection.execute("PRAGMA foreign_keys").fetchone() == (1,)


def test_bulk_writes_audit_lines_and_indexes_each_record_once_at_the_end(db: Database) -> None:
    with db.bulk():
        case = db.cases.create("Bulk case Akhmetov")
        for i in range(50):
            db.events.create(case.id, f"Hearing {i}", "hearing", date=f"2025-01-{i % 28 + 1:02d}")
        db.cases.update(case, title="Bulk case Serikbayeva")
        assert db.search.count() == 0  # not yet: applied once, at the end
    assert db.audit.count() == 52
    assert db.search.count() == 51
    assert [h.record_id for h in db.search.search("Serikbayeva")] == [case.id]
    assert db.search.search("Akhmetov") == []


def test_bulk_into_a_non_empty_index_updates_it_in_place(db: Database) -> None:
    first = db.cases.create("Existing Nurlanova")
    with db.bulk():
        second = db.cases.create("Added Nurlanova")
        db.cases.delete(first.id)
    assert [h.record_id for h in db.search.search("Nurlanova")] == [second.id]


def test_failed_bulk_leaves_nothing(db: Database) -> None:
    with pytest.raises(InvalidInput), db.bulk():
        db.cases.create("Half a bulk")
        db.cases.create("  ")
    assert db.cases.count() == 0 and db.audit.count() == 0 and db.search.count() == 0


def test_settings_hold_json_values_and_audit_only_the_key(db: Database) -> None:
    assert db.settings.get("author", "nobody") == "nobody"
    db.settings.set("author", "A. Lawyer")
    db.settings.set("report", {"pages": [1, 2], "ru": True})
    assert db.settings.get("author") == "A. Lawyer"
    assert db.settings.get("report") == {"pages": [1, 2], "ru": True}
    # Besides the vault's own bookkeeping: which folding rule made the search keys.
    assert db.settings.keys() == ["author", "report", FOLD_VERSION_SETTING]
    db.settings.remove("author")
    assert db.settings.get("author") is None
    line = db.audit.list()[1]
    assert (line.action, line.record_id, line.summary) == ("set", "report", "")
    with pytest.raises(InvalidInput):
        db.settings.set("bad", {1, 2})


def test_colleague_storage_and_lookup_by_signing_key(db: Database) -> None:
    colleague = db.colleagues.create("Co-counsel Almaty", "age1qqqq", "c2lnbmluZy1rZXk=")
    assert colleague.verification is Verification.UNVERIFIED
    assert db.colleagues.get_by_signing_key("c2lnbmluZy1rZXk=") == colleague
    assert db.colleagues.get_by_signing_key("other") is None
    verified = db.colleagues.update(colleague, verification="verified")
    assert verified.versions == ((db.vault_id, 2),)
    assert db.colleagues.list(verification="verified") == [verified]
    assert db.colleagues.count() == 1


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("", "age1q", "k2"), "name"),
        (("Name", "ssh-ed25519 AAAA", "k2"), "age_recipient"),
        (("Name", "age1q", " "), "signing_key"),
        (("Name", "age1q", "k1"), "signing_key"),  # already someone else's key
    ],
)
def test_invalid_colleague_is_refused(db: Database, args: tuple[str, str, str], field: str) -> None:
    db.colleagues.create("First", "age1first", "k1")
    with pytest.raises(InvalidInput) as err:
        db.colleagues.create(*args)
    assert err.value.field == field


def test_a_full_disk_is_reported_and_loses_nothing_saved_before(db: Database) -> None:
    kept = db.cases.create("Saved before the disk filled up")
    pages = db.connection.execute("PRAGMA page_count").fetchone()[0]
    # The database may not grow any more: as good as a full disk, for SQLite.
    db.connection.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull), db.bulk():
        for i in range(500):
            db.cases.create(f"Case {i}", summary="x" * 2000)
    db.connection.execute("PRAGMA max_page_count = 1073741823")
    assert [c.id for c in db.cases.list()] == [kept.id]
    assert not db.connection.in_transaction


@pytest.mark.slow
def test_bulk_load_of_a_benchmark_sized_case_list_stays_correct(db: Database) -> None:
    with db.bulk():
        cases = [db.cases.create(f"Case {i:04d}", tags=["bench"]) for i in range(2000)]
        for i in range(20_000):
            case = cases[i % len(cases)]
            if i % 10 == 0:
                db.events.create_deadline(case.id, f"Deadline {i}", f"2025-{i % 12 + 1:02d}-15")
            else:
                db.events.create(case.id, f"Event {i}", "hearing", date=f"20{i % 20 + 10}")
    assert db.cases.count(tag="bench") == 2000
    assert db.events.count() == 20_000
    assert db.audit.count() == 22_000
    assert db.search.count() == 22_000
    assert len(db.events.deadlines(status="pending")) == 2000
    assert [h.record_id for h in db.search.search("Case 1999")][:1] == [cases[1999].id]


def test_transactions_from_two_threads_wait_for_each_other(db: Database) -> None:
    case = db.cases.create("Shared")
    errors: list[BaseException] = []

    def write(prefix: str) -> None:
        try:
            for i in range(30):
                with db.transaction():
                    db.events.create(case.id, f"{prefix} {i}")
                    db.notes.create(case.id, f"{prefix} note {i}")
        except BaseException as exc:  # reported below, in the test's own thread
            errors.append(exc)

    workers = [threading.Thread(target=write, args=(name,)) for name in ("gui", "worker")]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    assert db.events.count(case_id=case.id) == 60 and db.notes.count(case_id=case.id) == 60
    assert not db.connection.in_transaction
