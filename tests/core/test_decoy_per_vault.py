"""The duress decoy belongs to its vault: drawn per vault, in its owner's language and country,
dated like a case file that grew over months, kept current, and open to its owner."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from tests.kdf import FAST_KDF

from satchel.core.codec import now, written_at
from satchel.core.duress import DuressMode
from satchel.core.folder import AUX_NAME
from satchel.core.model import CaseStatus, Script
from satchel.core.names import script_of
from satchel.core.vault import Vault
from satchel.errors import DecoyNotAvailable
from satchel.sample.decoy import (
    PROFILE_SETTING,
    DecoyProfile,
    decoy_filler,
    fill_decoy,
    keep_current,
    keep_decoy_current,
)

PASSPHRASE = "north wind 1453 tea"
DURESS = "blue kettle on the stove"
TODAY = date(2026, 12, 3)


def _new_vault(folder: Path, *, profile: DecoyProfile, seed: int | None = None) -> Path:
    vault, _code = Vault.create(folder, PASSPHRASE, kdf_params=FAST_KDF)
    with vault:
        vault.set_duress(
            PASSPHRASE, DURESS, DuressMode.DECOY, decoy_filler(profile, today=TODAY, seed=seed)
        )
    return folder


def _contents(vault: Vault) -> dict[str, list[str]]:
    people = vault.people.list()
    return {
        "cases": sorted(c.title for c in vault.cases.list()),
        "people": sorted(p.names[0].text for p in people),
        "contacts": sorted(c.value for p in people for c in p.contacts),
    }


def test_two_fresh_vaults_have_different_decoys(tmp_path: Path) -> None:
    profile = DecoyProfile("en", "EU")
    first = _new_vault(tmp_path / "a", profile=profile)
    second = _new_vault(tmp_path / "b", profile=profile)
    with Vault.unlock(first, DURESS) as a, Vault.unlock(second, DURESS) as b:
        one, other = _contents(a), _contents(b)
    assert one["cases"] and other["cases"]
    # Random draws: the matters may overlap, the people and their contacts never all do.
    assert one != other
    assert set(one["people"]) != set(other["people"])
    assert not set(one["contacts"]) & set(other["contacts"])
    assert not any("example.com" in c for c in one["contacts"] + other["contacts"])


def test_the_decoy_speaks_its_owners_language_and_country(tmp_path: Path) -> None:
    folder = _new_vault(tmp_path / "v", profile=DecoyProfile("ru", "KZ"), seed=11)
    with Vault.unlock(folder, DURESS) as decoy:
        cases = decoy.cases.list()
        people = decoy.people.list()
        events = decoy.events.list()
    titles = " ".join(c.title for c in cases)
    assert script_of(titles) is Script.CYRILLIC
    assert all(c.jurisdiction == "Казахстан" for c in cases)
    assert any("Алматы" in c.authority or "Астана" in c.authority for c in cases)
    assert all(p.names[0].script is Script.CYRILLIC for p in people)
    assert all(any(n.script is Script.LATIN for n in p.names) for p in people)
    phones = [c.value for p in people for c in p.contacts if c.kind.value == "phone"]
    assert phones and all(p.startswith("+7 7") for p in phones)
    assert any(e.title == "Первая консультация" or e.title == "Консультация" for e in events)


def test_records_carry_the_times_of_their_story_not_of_the_set_up(tmp_path: Path) -> None:
    folder = _new_vault(tmp_path / "v", profile=DecoyProfile("en", "GE"), seed=3)
    with Vault.unlock(folder, DURESS) as decoy:
        created = sorted(c.created_at for c in decoy.cases.list())
        audit_times = [entry.at for entry in decoy.audit.list(limit=1000)]
    # Matters opened weeks and months apart, not in one second.
    assert (created[-1] - created[0]).days >= 14
    assert len({t.date() for t in audit_times}) >= 5
    assert max(audit_times) <= datetime.now(UTC)


def test_there_is_always_a_step_ahead_and_dates_follow_the_calendar(tmp_path: Path) -> None:
    folder = _new_vault(tmp_path / "v", profile=DecoyProfile("en", "RU"), seed=5)
    with Vault.unlock(folder, DURESS) as decoy:
        dated = [e.date.anchor_day() for e in decoy.events.list()]
        deadlines = [e.date.anchor_day() for e in decoy.events.list(deadlines_only=True)]
    assert any(d is not None and d >= TODAY for d in deadlines)
    past = [d for d in dated if d is not None and d < TODAY]
    assert past and min(past) >= TODAY - timedelta(days=340)


def test_keep_current_adds_news_to_quiet_matters_and_nothing_when_recent(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf_params=FAST_KDF)
    with vault:
        fill_decoy(vault, DecoyProfile("en", "TR"), today=TODAY, seed=9)
        later = TODAY + timedelta(days=60)
        open_before = vault.cases.count(status=CaseStatus.OPEN)
        added = keep_current(vault, DecoyProfile("en", "TR"), today=later, seed=9)
        assert added > 0
        # Every open matter now has news within the last weeks of `later`.
        for case in vault.cases.list(status=CaseStatus.OPEN):
            days = [e.date.anchor_day() for e in vault.events.list(case_id=case.id)]
            latest = max(d for d in days if d is not None and d <= later)
            assert (later - latest).days <= 60
        assert vault.cases.count(status=CaseStatus.OPEN) >= max(open_before, 3)
        assert keep_current(vault, DecoyProfile("en", "TR"), today=later, seed=9) == 0


def test_the_owner_can_open_and_edit_the_decoy_and_the_duress_passphrase_sees_it(
    tmp_path: Path,
) -> None:
    folder = _new_vault(tmp_path / "v", profile=DecoyProfile("en", "AM"), seed=1)
    with Vault.unlock(folder, PASSPHRASE) as real:
        assert real.has_editable_decoy()
        key = real.decoy_key()
    with Vault.open_decoy(folder, key) as decoy:
        assert decoy.is_decoy_file
        decoy.cases.create("Lease of a garage (owner's own matter)")
    with Vault.unlock(folder, DURESS) as seen:
        assert "Lease of a garage (owner's own matter)" in [c.title for c in seen.cases.list()]
        # The decoy itself holds no trace of being one, nor a way to the real vault.
        assert not seen.has_editable_decoy()
        with pytest.raises(DecoyNotAvailable):
            seen.decoy_key()
        assert seen.settings.get(PROFILE_SETTING) is None


def test_keep_decoy_current_from_the_real_session_is_weekly(tmp_path: Path) -> None:
    folder = _new_vault(tmp_path / "v", profile=DecoyProfile("ru", "RU"), seed=2)
    with Vault.unlock(folder, PASSPHRASE) as real:
        real.settings.set(
            PROFILE_SETTING, DecoyProfile("ru", "RU").as_setting(TODAY), audited=False
        )
        assert keep_decoy_current(real, today=TODAY + timedelta(days=3)) == 0
        assert keep_decoy_current(real, today=TODAY + timedelta(days=90)) > 0
        profile, current = DecoyProfile.from_setting(real.settings.get(PROFILE_SETTING))
        assert profile == DecoyProfile("ru", "RU") and current == TODAY + timedelta(days=90)


def test_a_decoy_from_before_cannot_be_opened_and_says_so(tmp_path: Path) -> None:
    folder = _new_vault(tmp_path / "v", profile=DecoyProfile(), seed=4)
    with Vault.unlock(folder, PASSPHRASE) as real:
        # What a vault whose duress was set by an earlier version holds: no salt.
        real.settings.remove("duress.decoy")
        assert not real.has_editable_decoy()
        with pytest.raises(DecoyNotAvailable) as caught:
            real.decoy_key()
    assert "set the duress passphrase again" in str(caught.value)
    assert (folder / AUX_NAME).is_file()


def test_clearing_duress_forgets_the_decoy(tmp_path: Path) -> None:
    folder = _new_vault(tmp_path / "v", profile=DecoyProfile(), seed=6)
    with Vault.unlock(folder, PASSPHRASE) as real:
        real.clear_duress(PASSPHRASE)
        assert not real.has_editable_decoy()
        assert real.settings.get("duress.decoy") is None


def test_profile_is_guessed_from_the_real_cases(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf_params=FAST_KDF)
    with vault:
        for n in range(3):
            vault.cases.create(f"Matter {n}", jurisdiction="Kazakhstan")
        vault.cases.create("Other", jurisdiction="Georgia")
        assert DecoyProfile.guess("ru", vault) == DecoyProfile("ru", "KZ")
    assert DecoyProfile.guess("ru") == DecoyProfile("ru", "RU")
    assert DecoyProfile.guess("en") == DecoyProfile("en", "EU")
    assert DecoyProfile("fr", "XX") == DecoyProfile("en", "EU")


def test_written_at_never_writes_in_the_future_and_needs_a_zone() -> None:
    ahead = datetime.now(UTC) + timedelta(days=3)
    with written_at(ahead):
        assert now() <= datetime.now(UTC)
    with pytest.raises(ValueError), written_at(datetime(2025, 1, 1)):
        pass
    past = datetime(2025, 3, 14, 10, 30, tzinfo=UTC)
    with written_at(past):
        assert now() == past
    assert now() > past
